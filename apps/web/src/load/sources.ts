import type { SourceFile } from './source-file.js';

/** The listing `ptycho view` serves at `api/files`. */
interface Listing { name: string; files: Array<{ path: string; size: number }>; truncated: boolean }

/**
 * The served folder's files, or null when the page is not served by `ptycho view` (opened from
 * any static server: then only dropped files are shown).
 */
export async function servedFiles(): Promise<{ name: string; files: SourceFile[]; truncated: boolean } | null> {
  let res: Response;
  try { res = await fetch('api/files', { cache: 'no-store' }); } catch { return null; }
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return null;
  const listing = (await res.json()) as Listing;
  const files = listing.files.map((f): SourceFile => ({
    path: f.path,
    size: f.size,
    async bytes() {
      const r = await fetch(`data/${f.path.split('/').map(encodeURIComponent).join('/')}`);
      if (!r.ok) throw new Error(`${f.path}: cannot read (HTTP ${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    },
  }));
  return { name: listing.name, files, truncated: listing.truncated };
}

function fromFile(file: File, path: string): SourceFile {
  return { path, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

/** Every file of a dropped directory entry, recursively, with paths relative to the drop. */
async function walk(entry: FileSystemEntry, out: SourceFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(fromFile(file, path));
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const e of batch) if (!e.name.startsWith('.')) await walk(e, out);
    }
  }
}

/** The files of a drop (files and whole folders) or of a file input. */
export async function droppedFiles(data: DataTransfer | FileList): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  if (data instanceof FileList) {
    for (const f of Array.from(data)) out.push(fromFile(f, f.webkitRelativePath || f.name));
    return out;
  }
  const entries = Array.from(data.items ?? []).map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    for (const e of entries) await walk(e!, out);
    return out;
  }
  for (const f of Array.from(data.files)) out.push(fromFile(f, f.name));
  return out;
}
