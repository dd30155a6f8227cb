import { describe, expect, it } from 'vitest';
import { centralCrop, complexDot, randomComplex, randomPositions } from '../test/helpers.js';
import { extractCentral } from './extract-central.js';
import { placeCentral } from './place-central.js';
import { stitchPatches } from './__fixtures__/stitch-patches.js';

// Dot-product test (STYLE §1): ⟨Eᵀp, c⟩ = ⟨p, E c⟩ with Eᵀ = placeCentral and E = extractCentral.
// Eᵀp is summed in float64; E c is returned as float32, so each term of the right side carries
// one float32 rounding (≤ 6e-8 relative) with random signs: the two sides agree to ~1e-7 of the
// sum of |terms|, and 1e-6 of it is the bound we assert (also ≤ 1e-6 of |⟨·,·⟩| itself here).
describe.each([
  { N: 16, M: 6, B: 40, span: 30, seed: 1 },
  { N: 64, M: 20, B: 12, span: 50, seed: 2 },
  { N: 17, M: 5, B: 25, span: 20, seed: 3 },
])('placeCentral N=$N M=$M', ({ N, M, B, span, seed }) => {
  // A quarter of the positions are whole pixels, to cover the fraction = 0 branch.
  const { xs, ys } = randomPositions(seed, B, -span / 3, span, 0.25);
  const patches = randomComplex(seed + 10, [B, N, N]);
  const placed = placeCentral(patches, xs, ys, { M });
  const { height: H, width: W, canvasOrigin } = placed.frame;
  const canvas = randomComplex(seed + 20, [H, W]);

  it('is the adjoint of extractCentral (seeded dot-product test on sub-pixel positions)', () => {
    const lhs = complexDot(placed.re, placed.im, canvas.re, canvas.im);
    let re = 0, im = 0, abs = 0;
    for (let k = 0; k < B; k++) {
      const crop = centralCrop(patches, k, N, M);
      const ext = extractCentral(canvas, canvasOrigin, xs[k]!, ys[k]!, M);
      const d = complexDot(crop.re, crop.im, ext.re, ext.im);
      re += d.re;
      im += d.im;
      abs += d.abs;
    }
    expect(Math.abs(lhs.re - re)).toBeLessThanOrEqual(1e-6 * abs);
    expect(Math.abs(lhs.im - im)).toBeLessThanOrEqual(1e-6 * abs);
    expect(Math.abs(lhs.re - re)).toBeLessThanOrEqual(1e-6 * Math.abs(re));
  });

  it('puts Eᵀ(1) in the weight plane: ⟨weights, c⟩ = Σ_k Σ E_k(c)', () => {
    const zero = new Float32Array(H * W);
    const lhs = complexDot(placed.weights, zero, canvas.re, canvas.im);
    let re = 0, im = 0, abs = 0;
    for (let k = 0; k < B; k++) {
      const ext = extractCentral(canvas, canvasOrigin, xs[k]!, ys[k]!, M);
      for (let i = 0; i < M * M; i++) {
        re += ext.re[i]!;
        im += ext.im[i]!;
        abs += Math.hypot(ext.re[i]!, ext.im[i]!);
      }
    }
    // Same error budget as above.
    expect(Math.abs(lhs.re - re)).toBeLessThanOrEqual(1e-6 * abs);
    expect(Math.abs(lhs.im - im)).toBeLessThanOrEqual(1e-6 * abs);
  });

  it('reads only the central M×M of each patch', () => {
    const changed = { shape: patches.shape, re: patches.re.slice(), im: patches.im.slice() };
    // Overwrite row 0 and column 0 of every patch (outside the centre since M < N).
    for (let k = 0; k < B; k++) {
      for (let t = 0; t < N; t++) {
        changed.re[k * N * N + t] = 1e6;
        changed.im[k * N * N + t * N] = -1e6;
      }
    }
    const again = placeCentral(changed, xs, ys, { M });
    expect(again.re).toEqual(placed.re);
    expect(again.im).toEqual(placed.im);
  });

  it('is what stitching divides by the overlap count: stitch = Eᵀp / Eᵀ1', () => {
    const ones = { shape: patches.shape, re: new Float32Array(B * N * N).fill(1), im: new Float32Array(B * N * N) };
    const count = placeCentral(ones, xs, ys, { M });
    const st = stitchPatches(patches, xs, ys, { M });
    expect(st.canvasOrigin).toEqual(canvasOrigin);
    expect(st.object.shape).toEqual([H, W]);
    let covered = 0;
    for (let p = 0; p < H * W; p++) {
      const w = count.re[p]!;
      // Weight plane and Eᵀ(1) come from different code paths (ρ·γ vs placing ones): agree to
      // float64 rounding, then float32 storage of the weights (6e-8 relative).
      expect(Math.abs(st.weights[p]! - w)).toBeLessThanOrEqual(1e-7 * w + 1e-12);
      if (w > 0) {
        covered++;
        // Ratio of float64 sums, then one float32 rounding: 1e-6 relative to the value's scale.
        const scale = Math.max(1, Math.abs(placed.re[p]! / w), Math.abs(placed.im[p]! / w));
        expect(Math.abs(st.object.re[p]! - placed.re[p]! / w)).toBeLessThanOrEqual(1e-6 * scale);
        expect(Math.abs(st.object.im[p]! - placed.im[p]! / w)).toBeLessThanOrEqual(1e-6 * scale);
      } else {
        expect([st.object.re[p], st.object.im[p]]).toEqual([0, 0]);
      }
    }
    expect(covered).toBeGreaterThan(M * M);
  });
});
