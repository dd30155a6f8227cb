import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz, ndarray, type NdArray } from '@ptychojs/io';
import { checkScanFile } from './check-scan-file.js';
import { loadScan } from './load-scan.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-checkfile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const M = 9, N = 64;

function scan(diff: NdArray): Record<string, NdArray> {
  const xs = Float64Array.from({ length: M }, (_, k) => 40 + 5 * (k % 3)), ys = Float64Array.from({ length: M }, (_, k) => 40 + 5 * Math.floor(k / 3));
  return { xcoords: ndarray('f8', [M], xs), ycoords: ndarray('f8', [M], ys), diff3d: diff, probeGuess: ndarray('c8', [N, N], new Float32Array(2 * N * N).fill(1)) };
}
const write = (name: string, a: Record<string, NdArray>, compress = false) => { const p = path.join(dir, name); fs.writeFileSync(p, encodeNpz(a, { compress })); return p; };
const settings = { command: 'inspect' as const };

describe('checkScanFile: a diffraction with one value throughout is refused from a stream', () => {
  it('with the problem the full pass gives, listing every key, for stored and deflated members', async () => {
    for (const [name, diff] of [['zeros', ndarray('f4', [M, N, N], new Float32Array(M * N * N))], ['max', ndarray('u2', [M, N, N], new Uint16Array(M * N * N).fill(65535))]] as const) {
      for (const compress of [false, true]) {
        const file = write(`${name}-${compress}.npz`, scan(diff), compress);
        const streamed = await checkScanFile(file, { ...settings, uniformCheckBytes: 0 });
        const full = await checkScanFile(file, { ...settings, uniformCheckBytes: Infinity });
        expect(streamed.problems).toHaveLength(1);
        expect(streamed.problems).toEqual(full.problems);
        expect(streamed.notes.at(-1)).toMatch(new RegExp(`'diff3d' \\(${M}, ${N}, ${N}\\) ${diff.dtype === 'u2' ? 'uint16' : 'float32'} was streamed before the pass over its frames .* holds one value throughout; the scan's other checks were not made`));
        expect(streamed.raw).toBeUndefined();
        expect(streamed.contents).toEqual(full.contents);
        const refused = await loadScan(file, { command: 'train', uniformCheckBytes: 0 }).catch((e: unknown) => e as { name: string; problems: string[] });
        expect(refused).toMatchObject({ name: 'InputError', problems: [expect.stringMatching(name === 'zeros' ? /every diffraction pattern is zero/ : /65535 \(the uint16 maximum\)/)] });
      }
    }
  });

  it('a diffraction that varies goes on to the full check (the stream stops at once)', async () => {
    const d = new Float32Array(M * N * N);
    for (let k = 0; k < d.length; k++) d[k] = 1 + ((k * 7) % 5) * 0.1;
    const file = write('varied.npz', scan(ndarray('f4', [M, N, N], d)));
    const r = await checkScanFile(file, { ...settings, uniformCheckBytes: 0 });
    expect(r.problems).toEqual([]);
    expect(r.raw?.M).toBe(M);
  });
});
