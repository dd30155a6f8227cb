import fs from 'node:fs';
import nodePath from 'node:path';
import { parseTempName } from './temp-name.js';

/**
 * Remove the temporary files that atomic writes ({@link writeFileAtomic}) of processes no longer
 * running left in `dir` (a writer killed between creating its temporary file and renaming it), so
 * that a run finished after an interrupted one has no partial file beside its outputs. Files of
 * this process and of live processes are kept; so is everything that is not such a temporary file.
 * A missing directory has nothing to remove.
 *
 * @returns the paths removed
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const removed: string[] = [];
  for (const name of names) {
    const t = parseTempName(name);
    if (!t || t.pid === process.pid || isAlive(t.pid)) continue;
    const file = nodePath.join(dir, name);
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/** Whether a process with this PID exists (signal 0 checks without sending; EPERM: exists, not ours). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
