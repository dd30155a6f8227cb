import { bilinearPatch, createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { FORWARD_CASES, hasForwardCases, loadForwardCases, toComplex, toFloat64 } from '../test/golden.js';
import { extractGroundTruthPatches } from './extract-ground-truth-patches.js';

describe.skipIf(!hasForwardCases)(`extractGroundTruthPatches vs golden patches (needs ${FORWARD_CASES})`, () => {
  it('agrees with the independent numpy patches of forward_cases.npz to 1e-5 relative (SPEC §3)', () => {
    const g = loadForwardCases();
    const object = toComplex(g.objectGuess!);
    const xs = toFloat64(g.xcoords!), ys = toFloat64(g.ycoords!);
    const want = toComplex(g.patches!); // (48, 64, 64)
    const got = extractGroundTruthPatches(object, xs, ys, 64); // (48, 64, 64, 1)
    expect(got.shape).toEqual([48, 64, 64, 1]);
    // Relative to the largest golden magnitude (≈ 1); both sides round float64 results to float32 once.
    let maxErr = 0, maxMag = 0;
    for (let k = 0; k < want.re.length; k++) {
      maxErr = Math.max(maxErr, Math.hypot(got.re[k]! - want.re[k]!, got.im[k]! - want.im[k]!));
      maxMag = Math.max(maxMag, Math.hypot(want.re[k]!, want.im[k]!));
    }
    expect(maxMag).toBeGreaterThan(0.5);
    expect(maxErr / maxMag).toBeLessThan(1e-5);
  });
});

describe('extractGroundTruthPatches', () => {
  it('lays members out channel-last: channel c of group b is member b·C + c', () => {
    const H = 48, W = 40, rng = createRng(5);
    const object = { shape: [H, W], re: Float32Array.from({ length: H * W }, () => rng.next()), im: Float32Array.from({ length: H * W }, () => -rng.next()) };
    const N = 8, C = 4, B = 3;
    const xs = Float64Array.from({ length: B * C }, () => 5 + rng.next() * 30), ys = Float64Array.from({ length: B * C }, () => 5 + rng.next() * 38);
    const Y = extractGroundTruthPatches(object, xs, ys, N, C);
    expect(Y.shape).toEqual([B, N, N, C]);
    const ref = new Float32Array(N * N);
    for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
      for (const part of ['re', 'im'] as const) {
        bilinearPatch(object[part], H, W, xs[b * C + c]!, ys[b * C + c]!, N, ref);
        for (let p = 0; p < N * N; p++) expect(Y[part][(b * N * N + p) * C + c]).toBe(ref[p]);
      }
    }
  });

  it('raises on a non-2-D object, planes of the wrong size and a member count not divisible by C', () => {
    const ok = { shape: [4, 4], re: new Float32Array(16), im: new Float32Array(16) };
    expect(() => extractGroundTruthPatches({ ...ok, shape: [2, 2, 4] }, [1], [1], 2)).toThrow(/must be 2-D/);
    expect(() => extractGroundTruthPatches({ ...ok, im: new Float32Array(15) }, [1], [1], 2)).toThrow(/planes do not match/);
    expect(() => extractGroundTruthPatches(ok, [1, 2, 3], [1, 2, 3], 2, 2)).toThrow(/not a multiple of C/);
  });
});
