// Issue 19's bad inputs and the other members of their kinds (issue-19-cases.ts), each through
// `ptycho inspect --json` in this process, as a user runs it: the exit code, the codes of what it
// found, and the words a scientist acts on. Before issue 19 (main at 594a41e): gaps at 65535 gave
// `valid: yes` and 5.5e11 counts per pattern, (N, N, M) with (M, 1) coordinates "not square
// patterns; expected (M, N, N) (or (N, N, M))", NaN stripes only "first at index (0, 0, 30)".
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz, ndarray } from '@ptychojs/io';
import { issue19Cases, N } from './issue-19-cases.js';
import { runPtychoInProcess, tempDir } from './run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const cases = issue19Cases();
const keep = process.env.PTYCHO_WRITE_CASES;

describe('issue 19: bad inputs of three kinds, as ptycho inspect shows them', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const file = path.join(keep ?? tmp.dir, `${name}.npz`);
    if (keep) fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(file, encodeNpz(c.arrays));
    const r = await runPtychoInProcess(['inspect', file, '--json', ...(c.flags ?? [])]);
    expect(r.code, `${c.what}\n${r.stderr}`).toBe(c.code);
    expect(r.stderr).not.toContain('internal error');
    const s = JSON.parse(r.stdout);
    const found = (c.code === 2 ? s.problems : s.warnings) as { code: string; message: string; fix?: string }[];
    expect(found.map((f) => f.code), r.stderr).toEqual(c.findings);
    const text = [...found.map((f) => `${f.message} — ${f.fix ?? ''}`), ...s.notes].join('\n');
    for (const want of c.says) expect(text, c.what).toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);
  });

  it('gaps at 65535 are not counted as photons: counts per pattern are those of the base scan without the gap columns', async () => {
    const gaps = cases.find((c) => c.name === 'b1_gaps_uint16_max')!;
    const file = path.join(tmp.dir, 'gaps.npz');
    fs.writeFileSync(file, encodeNpz(gaps.arrays));
    const s = JSON.parse((await runPtychoInProcess(['inspect', file, '--json'])).stdout);
    // The reference: the stored counts with columns 30–31 left out, summed per pattern (exact integers).
    const d = gaps.arrays.diff3d!.data as Uint16Array;
    const M = gaps.arrays.diff3d!.shape[0]!;
    const totals = Array.from({ length: M }, (_, m) => {
      let t = 0;
      for (let p = 0; p < N * N; p++) if (p % N !== 30 && p % N !== 31) t += d[m * N * N + p]!;
      return t;
    });
    const mean = totals.reduce((a, b) => a + b, 0) / M;
    // float32 sqrt(counts) squared back: 1e-6 relative on ~1e4 counts.
    expect(s.meanCounts / mean - 1).toBeCloseTo(0, 6);
    expect(s.excludedPixels).toBe(2 * N);
    expect(s.countsPerPattern.max).toBeLessThan(1e5); // not the 2·64·65535 = 8.4e6 the gaps would add
  });

  it('the (N, N, M) scan read with --layout nnm gives the same scan as the (M, N, N) file', async () => {
    const c1 = cases.find((c) => c.name === 'c1_nnm_column_coords')!;
    const file = path.join(tmp.dir, 'nnm.npz');
    fs.writeFileSync(file, encodeNpz(c1.arrays));
    const nnm = JSON.parse((await runPtychoInProcess(['inspect', file, '--json', '--layout', 'nnm'])).stdout);
    const plain = path.join(tmp.dir, 'plain.npz');
    const { xcoords: _x, ycoords: _y, diff3d: _d, ...rest } = c1.arrays;
    const M = c1.arrays.diff3d!.shape[2]!;
    const t = c1.arrays.diff3d!.data as Float32Array;
    const back = new Float32Array(t.length);
    for (let m = 0; m < M; m++) for (let p = 0; p < N * N; p++) back[m * N * N + p] = t[p * M + m]!;
    fs.writeFileSync(plain, encodeNpz({ ...rest, xcoords: ndarray('f8', [M], c1.arrays.xcoords!.data), ycoords: ndarray('f8', [M], c1.arrays.ycoords!.data), diff3d: ndarray('f4', [M, N, N], back) }));
    const mnn = JSON.parse((await runPtychoInProcess(['inspect', plain, '--json'])).stdout);
    expect(nnm.valid).toBe(true);
    for (const k of ['M', 'N', 'countsPerPattern', 'meanCounts', 'medianStep', 'extent']) expect(nnm[k], k).toEqual(mnn[k]);
  });
});
