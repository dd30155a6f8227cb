import fs from 'node:fs';
import { ZipFormatError, type ByteSource } from '../internal/zip-read.js';

/**
 * Positional reads of an open file as a {@link ByteSource}: each read goes into a fresh unpooled
 * buffer at offset 0 (so NPY payloads stay aligned for zero-copy views).
 */
export function fileByteSource(fd: number, size: number): ByteSource {
  return {
    length: size,
    read(offset, length) {
      if (offset < 0 || offset + length > size) throw new ZipFormatError(`needs bytes ${offset}..${offset + length} but the file has ${size} (truncated?)`);
      let out: Buffer;
      try {
        out = Buffer.allocUnsafeSlow(length);
      } catch (e) {
        // Sizes were checked against the cap; the runtime can still refuse (one buffer ≤ 2^32 bytes in Node 20).
        if (e instanceof RangeError) throw new ZipFormatError(`cannot hold ${length} bytes in one buffer here (${e.message})`);
        throw e;
      }
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, out, done, Math.min(1 << 30, length - done), offset + done);
        if (n === 0) throw new ZipFormatError(`file ended at byte ${offset + done} while reading ${length} bytes at ${offset} (changed while reading?)`);
        done += n;
      }
      return out;
    },
  };
}
