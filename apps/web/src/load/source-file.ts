/** A file the viewer can read: from the served folder (fetched) or dropped onto the page. */
export interface SourceFile {
  /** Path relative to the folder shown (or the drop), `/`-separated. */
  readonly path: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

/** The file name of a path. */
export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
