/**
 * Terminal output for the CLI: human text and progress go to stderr, `--json` results to stdout, so
 * `ptycho x --json | jq` always sees one clean JSON document. Implements the pipeline's Reporter.
 * Progress is a live bar on a terminal; when stderr is a log (not a TTY) it is a few plain lines
 * instead of bar frames: one per `logEvery` of the total (10% by default), none for the per-epoch
 * step bars, whose epoch line says it all.
 */
import cliProgress from 'cli-progress';
import { jsonSafe, type Progress, type ProgressOptions, type Reporter } from '@ptychojs/pipeline';

export interface Ui extends Reporter {
  readonly json: boolean;
  /** Human-readable line on stderr (suppressed with `--quiet`). */
  info(line: string): void;
  /** Warning on stderr, always shown. */
  warn(line: string): void;
  /** The command's machine-readable result on stdout (only with `--json`). */
  result(value: unknown): void;
  /** Progress with rate and ETA on stderr: a bar on a terminal, plain lines in a log. */
  progress(label: string, total: number, unit: string, options?: ProgressOptions): Progress;
}

let resultWritten = false;

/** Whether a command already wrote its JSON result (so an error must not add a second document). */
export function jsonResultWritten(): boolean {
  return resultWritten;
}

/** Forget an earlier command's result: each `runCli` call is one command (several may run in one process). */
export function resetJsonResult(): void {
  resultWritten = false;
}

export function createUi(opts: { json?: boolean; quiet?: boolean } = {}): Ui {
  const json = Boolean(opts.json), quiet = Boolean(opts.quiet);
  return {
    json,
    info: (line) => { if (!quiet) process.stderr.write(`${line}\n`); },
    warn: (line) => { process.stderr.write(`warning: ${line}\n`); },
    result: (value) => { if (json) { process.stdout.write(`${JSON.stringify(value, jsonSafe, 2)}\n`); resultWritten = true; } },
    progress(label, total, unit, options = {}) {
      if (quiet) return { update() {}, setTotal() {}, stop() {} };
      return process.stderr.isTTY ? progressBar(label, total, unit) : progressLines(label, total, unit, options.logEvery ?? 0.1);
    },
  };
}

/** Extra fields as ` | name value` pieces. */
function extras(fields: Record<string, string | number>): string {
  return Object.entries(fields).map(([k, v]) => ` | ${k} ${typeof v === 'number' ? fmt(v) : v}`).join('');
}

/** A live cli-progress bar on the terminal. */
function progressBar(label: string, total: number, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}{extra}`,
      hideCursor: false,
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
      bar.update(done, { rate: secs > 0 ? fmt(done / secs) : '0', extra: extras(fields) });
    },
    setTotal: (n) => bar.setTotal(n),
    stop: () => bar.stop(),
  };
}

/** Plain lines for a log: one each time another `every` of the total is done (none for every ≤ 0). */
function progressLines(label: string, total: number, unit: string, every: number): Progress {
  const t0 = performance.now();
  let n = total, printed = 0;
  return {
    update(done, fields = {}) {
      if (!(every > 0) || !(n > 0)) return;
      const step = Math.min(Math.floor(done / n / every + 1e-9), Math.ceil(1 / every - 1e-9));
      if (step <= printed) return;
      printed = step;
      const secs = (performance.now() - t0) / 1000, rate = secs > 0 ? done / secs : 0;
      const eta = rate > 0 ? Math.max(0, n - done) / rate : 0;
      process.stderr.write(`${label} ${Math.round((100 * done) / n)}% | ${done}/${n} ${unit} | ${fmt(rate)} ${unit}/s | ETA ${Math.round(eta)}s${extras(fields)}\n`);
    },
    setTotal: (t) => { n = t; },
    stop() {},
  };
}

/** Compact number formatting for humans: 3 significant digits, exponent for extremes. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}
