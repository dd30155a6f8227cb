import fs from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles } from '@ptychojs/io/node';

/**
 * Make the directory a command is about to write into: create it and its missing parents, check
 * that it is writable, and remove the temporary files that earlier writers killed mid-write left
 * in it (`removeStaleTempFiles`), so that outputs finished now have no partial file beside them.
 * Called after the inputs are checked and before any output is written, so a bad scan leaves
 * nothing behind and an unwritable folder fails before the work rather than after it.
 *
 * Parents are created one by one: Node 20's `mkdirSync(dir, { recursive: true })` never returns
 * for a path under `/proc` (measured: it spins at 100% CPU), where this fails with ENOENT.
 *
 * @throws the file-system error (EACCES, EROFS, ENOTDIR, EEXIST for a file of that name…), its
 *   `path` the directory that could not be made or written
 */
export function makeOutputDir(dir: string): void {
  makeDirs(path.resolve(dir));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw Object.assign(e as NodeJS.ErrnoException, { path: dir });
  }
  removeStaleTempFiles(dir);
}

function makeDirs(dir: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (st) {
    if (st.isDirectory()) return;
    throw Object.assign(new Error(`EEXIST: file already exists, not a directory, mkdir '${dir}'`), { code: 'EEXIST', syscall: 'mkdir', path: dir });
  }
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    // Another process may have made it meanwhile.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw e;
  }
}
