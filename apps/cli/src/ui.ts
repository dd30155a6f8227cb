/**
 * Terminal output for the CLI: human text and progress go to stderr, `--json` results to stdout, so
 * `ptycho x --json | jq` always sees one clean JSON document.
 */
import cliProgress from 'cli-progress';

export interface Ui {
  readonly json: boolean;
  /** Human-readable line on stderr (suppressed with `--quiet`). */
  info(line: string): void;
  /** Warning on stderr, always shown. */
  warn(line: string): void;
  /** The command's machine-readable result on stdout (only with `--json`). */
  result(value: unknown): void;
  /** A progress bar with rate and ETA on stderr. */
  progress(label: string, total: number, unit: string): Progress;
}

export interface Progress {
  update(done: number, fields?: Record<string, string | number>): void;
  setTotal(total: number): void;
  stop(): void;
}

let resultWritten = false;

/** Whether a command already wrote its JSON result (so an error must not add a second document). */
export function jsonResultWritten(): boolean {
  return resultWritten;
}

export function createUi(opts: { json?: boolean; quiet?: boolean } = {}): Ui {
  const json = Boolean(opts.json), quiet = Boolean(opts.quiet);
  return {
    json,
    info: (line) => { if (!quiet) process.stderr.write(`${line}\n`); },
    warn: (line) => { process.stderr.write(`warning: ${line}\n`); },
    result: (value) => { if (json) { process.stdout.write(`${JSON.stringify(value, jsonSafe, 2)}\n`); resultWritten = true; } },
    progress(label, total, unit) {
      if (quiet) return { update() {}, setTotal() {}, stop() {} };
      const bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}{extra}`,
          hideCursor: false,
          noTTYOutput: true,
          notTTYSchedule: 5000,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      const t0 = performance.now();
      bar.start(total, 0, { rate: '0', extra: '' });
      return {
        update(done, fields = {}) {
          const secs = (performance.now() - t0) / 1000;
          const extra = Object.entries(fields).map(([k, v]) => ` | ${k} ${typeof v === 'number' ? fmt(v) : v}`).join('');
          bar.update(done, { rate: secs > 0 ? fmt(done / secs) : '0', extra });
        },
        setTotal: (n) => bar.setTotal(n),
        stop: () => bar.stop(),
      };
    },
  };
}

/** Compact number formatting for humans: 3 significant digits, exponent for extremes. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

/** JSON has no ±Infinity or NaN: write them as strings instead of the silent `null`. */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
