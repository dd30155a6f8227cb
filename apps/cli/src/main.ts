#!/usr/bin/env node
/**
 * `ptycho`: the command-line face of ptychojs (SPEC §1). Exit codes: 0 success, 2 bad input or
 * usage (the message names file, key, expected and actual), 1 internal failure, 128 + the signal
 * number when training was interrupted by SIGINT (130) or SIGTERM (143) and saved a checkpoint.
 */
import { realpathSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { InputError, isInputError } from '@ptychojs/io';
import { commands } from './commands/index.js';
import { VERSION } from './version.js';
import { jsonResultWritten, resetJsonResult } from './ui.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** Build the program; each command module adds its subcommand. */
export function buildProgram(): Command {
  const program = new Command('ptycho')
    .description('Physics-informed neural-network ptychographic reconstruction (PtychoPINN-style)')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // Help and --version are what was asked for: stdout (so `ptycho --help | less` works); usage
    // errors go to stderr. Human progress and results of commands go to stderr (ui.ts), JSON to stdout.
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program);
  return program;
}

/** Run the CLI and return the exit code (never calls process.exit itself). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
  resetJsonResult();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (caught) {
    let e = caught;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: { kind: 'usage', message: e.message } })}\n`);
      return EXIT_INPUT;
    }
    if (e instanceof Error && e.name === 'TrainingInterruptedError') {
      // A requested stop with a checkpoint saved: exit as a shell does for the signal (130, 143).
      process.stderr.write(`${e.message}\n`);
      if (json && !jsonResultWritten()) process.stdout.write(`${JSON.stringify({ ok: false, error: { kind: 'interrupted', message: e.message } })}\n`);
      const reason = (e as Error & { reason?: string }).reason as NodeJS.Signals | undefined;
      return 128 + ((reason && os.constants.signals[reason]) || os.constants.signals.SIGINT);
    }
    const fsError = fileSystemError(e);
    if (fsError) e = fsError;
    const input = isInputError(e);
    const err = e as Error & { problems?: string[]; file?: string; key?: string; expected?: string; actual?: string };
    if (input) {
      process.stderr.write(`error: ${err.message}\n`);
      // A problem the message already lists as one of its lines (a parser's "2 problems in …:") is not printed again.
      const lines = new Set(err.message.split('\n').map((l) => l.trim()));
      const extra = (err.problems ?? []).filter((p) => p !== err.message && !lines.has(p.trim()));
      for (const p of extra) process.stderr.write(`  - ${p}\n`);
    } else if (err instanceof Error && EXPLAINED.has(err.name)) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`internal error: ${err?.stack ?? String(e)}\n`);
    }
    if (json && !jsonResultWritten()) {
      const error = { kind: input ? 'input' : 'internal', message: err.message, file: err.file, key: err.key, expected: err.expected, actual: err.actual, problems: err.problems };
      process.stdout.write(`${JSON.stringify({ ok: false, error })}\n`);
    }
    return input ? EXIT_INPUT : EXIT_INTERNAL;
  }
}

/** Internal failures whose message says all there is to say (a stack trace would only hide it). */
const EXPLAINED = new Set(['NonFiniteError', 'WorkerFailedError']);

const FS_CODES: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'no such file or directory',
  ENOTDIR: 'a path component is not a directory', EISDIR: 'is a directory', EROFS: 'read-only file system', ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded', EFBIG: 'file too large', EEXIST: 'a file of that name exists', ENAMETOOLONG: 'name too long',
};

/**
 * A file-system failure on a path the user gave (an unwritable or full --out, a file where a
 * directory should be…) is bad input (exit 2) naming that path, not a crash. Writers report the
 * target, not their temporary file (`writeFileAtomic`, `makeOutputDir`).
 */
function fileSystemError(e: unknown): InputError | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof err.code !== 'string' || !(err.code in FS_CODES) || typeof err.path !== 'string') return undefined;
  const what = err.syscall === 'mkdir' ? 'cannot create the directory' : err.syscall === 'access' ? 'cannot write into the directory' : 'cannot write';
  return new InputError(`${what}: ${FS_CODES[err.code]} (${err.code})`, { file: err.path });
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`internal error: ${String(e)}\n`); process.exitCode = EXIT_INTERNAL; },
  );
}
