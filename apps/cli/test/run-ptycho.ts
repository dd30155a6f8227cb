import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../dist/main.js');
export const SHARED = path.resolve(import.meta.dirname, '../../../../shared/data');
export const hasShared = fs.existsSync(path.join(SHARED, 'golden/smooth_object_scan.npz'));
/** The handed cases of ../shared/cases (README there): inputs ptychojs once handled wrongly. */
export const CASES = path.resolve(import.meta.dirname, '../../../../shared/cases');
export const hasCases = fs.existsSync(path.join(CASES, 'README.md'));

export interface CliResult { code: number | null; stdout: string; stderr: string; ms: number }

/** Run the built `ptycho` binary the way a user does (a separate process). */
export function runPtycho(args: string[], opts: { timeoutMs?: number; maxOldSpaceMb?: number } = {}): CliResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build the CLI first (nx run @ptychojs/cli:build)`);
  const node = opts.maxOldSpaceMb ? [`--max-old-space-size=${opts.maxOldSpaceMb}`] : [];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...node, CLI, ...args], { encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-cli-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A `ptycho` process running in the background: `stderrLine(re)` resolves when stderr prints a matching line. */
export interface RunningPtycho {
  readonly child: ChildProcess;
  stderrLine(re: RegExp): Promise<string>;
  readonly done: Promise<CliResult>;
}

/** Start the built `ptycho` binary without waiting for it (to signal or kill it while it runs). */
export function startPtycho(args: string[]): RunningPtycho {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const line of stderr.split('\n')) {
      for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!.re.test(line)) waiters.splice(i, 1)[0]!.resolve(line);
    }
  });
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : null), stdout, stderr, ms: performance.now() - t0 })));
  return {
    child, done,
    stderrLine: (re) => new Promise((resolve, reject) => {
      waiters.push({ re, resolve });
      void done.then((r) => reject(new Error(`ptycho exited (${r.code}) before printing ${re}:\n${r.stderr}`)));
    }),
  };
}

/**
 * Run `ptycho ARGS` in this process (`runCli`, the same code the binary runs), capturing what it
 * writes to stdout and stderr: much faster than a process per call where many commands run.
 */
export async function runPtychoInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../src/main.js');
  const out: string[] = [], err: string[] = [];
  const capture = (sink: string[]) => (chunk: string | Uint8Array): boolean => { sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')); return true; };
  const so = process.stdout.write, se = process.stderr.write;
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
  }
}
