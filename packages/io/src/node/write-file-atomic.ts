import fs from 'node:fs';
import nodePath from 'node:path';
import { tempPathFor } from './temp-name.js';

/**
 * Write a file atomically (SPEC §1): the bytes go to a temporary file in the same directory,
 * which is fsynced and then renamed over `path`. Readers see the old file or the whole new one,
 * never a partial one; on any failure the temporary file is removed and `path` is untouched.
 * `data` may be a string (UTF-8), bytes, or a list of byte pieces written in order. A process
 * killed mid-write leaves only its hidden temporary file, which `removeStaleTempFiles` clears.
 *
 * @throws the file-system error (ENOSPC, EACCES, EROFS…), its `path` set to `path` (the target,
 *   not the temporary file), so that a message names the file the user asked for.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const dir = nodePath.dirname(path);
  const tmp = tempPathFor(path);
  const pieces = typeof data === 'string' ? [new TextEncoder().encode(data)] : data instanceof Uint8Array ? [data] : data;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    for (const p of pieces) {
      let off = 0;
      while (off < p.length) off += fs.writeSync(fd, p, off, Math.min(1 << 30, p.length - off));
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* never created or already gone */ }
    // write/fsync errors carry no path and open/rename errors the temporary one: name the target.
    if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string') (e as NodeJS.ErrnoException).path = path;
    throw e;
  }
  // Make the rename durable where the platform allows fsync on a directory (not Windows).
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* best effort */ }
}
