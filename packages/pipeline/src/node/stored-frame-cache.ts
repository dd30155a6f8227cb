import fs from 'node:fs';
import path from 'node:path';
import { encodeNpyHeader, InputError, type FrameReader, type ScanData } from '@ptychojs/io';
import { writeJsonAtomic } from '@ptychojs/io/node';
import type { Reporter } from '../reporter.js';

/** Options of {@link storedFrameCache}. */
export interface StoredFrameCacheOptions {
  readonly reporter: Reporter;
}

/**
 * A deflated NPZ member cannot be read by range: for a scan too large to hold in memory, this
 * writes its amplitudes once, uncompressed, to `dir/frames-cache.npy` (float32 (M, N, N), bad
 * pixels 0; its size is printed before anything is written) and returns a reader of that file by
 * byte offset. A cache written before for the same source (size and modification time recorded in
 * `frames-cache.json`) is reused. Frames already readable by range or in memory are returned as
 * they are. The training path can take this reader (`read(i, j, buffer)`) to draw batches.
 *
 * @throws InputError when the cache cannot be written (naming the directory and the bytes needed)
 */
export function storedFrameCache(scan: ScanData, dir: string, opts: StoredFrameCacheOptions): FrameReader {
  const { frames } = scan;
  if (frames.access !== 'sequential') return frames;
  const { M, N } = frames;
  const nn = N * N;
  const file = path.join(dir, 'frames-cache.npy'), meta = path.join(dir, 'frames-cache.json');
  const src = fs.statSync(scan.source);
  const want = { source: path.resolve(scan.source), size: src.size, mtimeMs: src.mtimeMs, M, N, key: scan.diffractionKey ?? null, masked: scan.badPixels ? scan.badPixels.reduce((a, b) => a + b, 0) : 0 };
  const header = encodeNpyHeader('f4', [M, N, N]);
  const bytes = header.length + 4 * M * nn;
  let reuse = false;
  try { reuse = JSON.stringify(JSON.parse(fs.readFileSync(meta, 'utf8'))) === JSON.stringify(want) && fs.statSync(file).size === bytes; } catch { /* no cache yet */ }
  if (reuse) {
    opts.reporter.info(`reading frames from the stored cache ${file} (written before for ${scan.source})`);
  } else {
    opts.reporter.info(`${scan.source}: '${scan.diffractionKey}' is deflated and cannot be read by range: writing its ${M} frames once, uncompressed, to ${file} (${gib(bytes)})`);
    const tmp = `${file}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      fd = fs.openSync(tmp, 'w');
      fs.writeSync(fd, header);
      const step = Math.max(1, Math.floor(16 * 2 ** 20 / (4 * nn)));
      const buf = new Float32Array(step * nn);
      const bar = opts.reporter.progress('cache', M, 'frames');
      try {
        for (let f = 0; f < M; f += step) {
          const e = Math.min(M, f + step);
          const v = frames.read(f, e, buf.subarray(0, (e - f) * nn));
          fs.writeSync(fd, new Uint8Array(v.buffer, v.byteOffset, (e - f) * nn * 4));
          bar.update(e);
        }
      } finally {
        bar.stop();
      }
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(tmp, file);
      writeJsonAtomic(meta, want);
    } catch (e) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot write the stored frame cache: ${(e as Error).message}`, { file, expected: `${gib(bytes)} of free space`, actual: (e as NodeJS.ErrnoException).code ?? 'error' });
    }
  }
  const fd = fs.openSync(file, 'r');
  return {
    M, N, access: 'ranged', bytes: 4 * M * nn,
    read(start, end, out) {
      const o = out ?? new Float32Array((end - start) * nn);
      const n = (end - start) * nn * 4;
      const b = new Uint8Array(o.buffer, o.byteOffset, n);
      let done = 0;
      while (done < n) {
        const r = fs.readSync(fd, b, done, n - done, header.length + start * nn * 4 + done);
        if (r === 0) throw new InputError('the stored frame cache ended early (removed or truncated while reading?)', { file });
        done += r;
      }
      return o;
    },
  };
}

function gib(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}
