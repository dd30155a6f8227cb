import nodePath from 'node:path';

/**
 * @internal The temporary file of an atomic write of `path`: `.NAME.PID.RANDOM.tmp` beside it (same
 * directory, so the final rename stays on one file system), hidden, and naming the writing process
 * so that {@link staleTempOwner} can tell a killed writer's leftovers from a live one's.
 */
export function tempPathFor(path: string): string {
  return nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

const TEMP = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp$/;

/** @internal For a file name made by {@link tempPathFor}: the target's name and the writer's PID; else undefined. */
export function parseTempName(name: string): { target: string; pid: number } | undefined {
  const m = TEMP.exec(name);
  return m ? { target: m[1]!, pid: Number(m[2]) } : undefined;
}
