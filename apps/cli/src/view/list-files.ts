import fs from 'node:fs';
import path from 'node:path';

/** One file of the listing: its path relative to DIR with `/` separators, and its size in bytes. */
export interface ListedFile { readonly path: string; readonly size: number }

/** Bounds of the listing: a results folder is small; a home directory passed by mistake must not hang the server. */
const MAX_FILES = 5000, MAX_DEPTH = 8;

/** Whether `p` is `root` or inside it (both absolute). */
export function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Every regular file under `root` (no dotfiles, no links that lead outside it), breadth-first, at
 * most {@link MAX_FILES} and {@link MAX_DEPTH} levels deep.
 */
export function listFiles(root: string): { files: ListedFile[]; truncated: boolean } {
  const realRoot = fs.realpathSync(root);
  const files: ListedFile[] = [];
  let queue: Array<{ rel: string; depth: number }> = [{ rel: '', depth: 0 }];
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { rel, depth } of queue) {
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(path.join(realRoot, rel), { withFileTypes: true }); } catch { continue; }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const relPath = rel ? `${rel}/${e.name}` : e.name;
        let real: string, st: fs.Stats;
        try { real = fs.realpathSync(path.join(realRoot, relPath)); st = fs.statSync(real); } catch { continue; }
        if (!inside(realRoot, real)) continue;
        if (st.isDirectory()) { if (depth + 1 < MAX_DEPTH) next.push({ rel: relPath, depth: depth + 1 }); continue; }
        if (!st.isFile()) continue;
        if (files.length >= MAX_FILES) return { files, truncated: true };
        files.push({ path: relPath, size: st.size });
      }
    }
    queue = next;
  }
  return { files, truncated: false };
}

