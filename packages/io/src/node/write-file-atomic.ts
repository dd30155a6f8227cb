import fs from 'node:fs';
import nodePath from 'node:path';

/**
 * Write a file atomically (SPEC §1): the bytes go to a temporary file in the same directory,
 * which is fsynced and then renamed over `path`. Readers see the old file or the whole new one,
 * never a partial one; on any failure the temporary file is removed and `path` is untouched.
 * `data` may be a string (UTF-8), bytes, or a list of byte pieces written in order.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const dir = nodePath.dirname(path);
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
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
    throw e;
  }
  // Make the rename durable where the platform allows fsync on a directory (not Windows).
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* best effort */ }
}
