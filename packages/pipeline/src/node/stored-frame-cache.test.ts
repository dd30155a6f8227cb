import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz, ndarray } from '@ptychojs/io';
import { openScanFile } from '@ptychojs/io/node';
import { checkScan } from '../scan/check-scan.js';
import { silentReporter } from '../__fixtures__/silent-reporter.js';
import { storedFrameCache } from './stored-frame-cache.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-deflated-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A scan whose diff3d is stored deflated (np.savez_compressed): it cannot be read by range.
const M = 40, N = 64, NN = N * N;
const d = new Uint16Array(M * NN);
for (let m = 0; m < M; m++) for (let p = 0; p < NN; p++) d[m * NN + p] = (p * 7 + m * 13) % 50;
const arrays = {
  xcoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, k) => 40 + 5 * (k % 8))),
  ycoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, k) => 40 + 5 * Math.floor(k / 8))),
  diff3d: ndarray('u2', [M, N, N], d),
  probeGuess: ndarray('c8', [N, N], new Float32Array(2 * NN).fill(0.5)),
};
for (const [name, compress] of [['deflated.npz', true], ['stored.npz', false]] as const) fs.writeFileSync(path.join(tmp, name), encodeNpz(arrays, { compress }));

describe('a deflated NPZ member, streamed', () => {
  it('is checked in one streaming pass to the same statistics as the stored one, and read forwards and backwards alike', async () => {
    const [a, b] = await Promise.all(['deflated.npz', 'stored.npz'].map((f) => openScanFile(path.join(tmp, f))));
    try {
      expect((a!.arrays.diff3d as { access: string }).access).toBe('sequential');
      expect((b!.arrays.diff3d as { access: string }).access).toBe('ranged');
      const ca = checkScan(a!, { command: 'inspect' }), cb = checkScan(b!, { command: 'inspect' });
      expect(ca.problems).toEqual([]);
      expect(Array.from(ca.stats!.energy)).toEqual(Array.from(cb.stats!.energy));
      expect(ca.assessment!.stats).toEqual(cb.assessment!.stats);
      // Forwards, then a range before the cursor (the inflater restarts), then past it.
      const fa = ca.raw!.frames, fb = cb.raw!.frames;
      for (const [s, e] of [[0, 3], [10, 12], [2, 5], [38, 40]] as const) expect(fa.read(s, e)).toEqual(fb.read(s, e));
    } finally {
      a!.close(); b!.close();
    }
  });

  it('storedFrameCache writes its amplitudes once, uncompressed, says its size first, reuses it, and reads them by range', async () => {
    const src = await openScanFile(path.join(tmp, 'deflated.npz'));
    try {
      const scan = checkScan(src, { command: 'infer', diffraction: 'counts' }).raw!;
      const lines: string[] = [];
      const reporter = { ...silentReporter, info: (l: string) => lines.push(l) };
      const dir = path.join(tmp, 'out');
      fs.mkdirSync(dir);
      const r = storedFrameCache(scan, dir, { reporter });
      expect(lines[0]).toMatch(/is deflated and cannot be read by range: writing its 40 frames once, uncompressed, to .*frames-cache\.npy \(0\.6 MiB\)/);
      expect(r.access).toBe('ranged');
      // Amplitudes sqrt(counts), as the scan's own reader gives them.
      expect(r.read(7, 9)).toEqual(scan.frames.read(7, 9));
      expect(r.read(0, 40)).toEqual(scan.frames.read(0, 40));
      const again = storedFrameCache(scan, dir, { reporter });
      expect(lines.at(-1)).toMatch(/reading frames from the stored cache .*written before/);
      expect(again.read(39, 40)).toEqual(scan.frames.read(39, 40));
    } finally {
      src.close();
    }
  });
});
