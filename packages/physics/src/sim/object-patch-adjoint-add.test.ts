import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectAdjoint, withBackend } from '../testing.js';
import { objectPatchAdjointAdd } from './object-patch-adjoint-add.js';
import { objectPatchInto } from './object-patch-into.js';

/** objectPatchInto (O ↦ patch) and objectPatchAdjointAdd onto a zero object (patch ↦ O) as tensor maps. */
function pair(H: number, W: number, n: number, x: number, y: number) {
  return {
    forward: ([re, im]: tf.Tensor[]) => {
      const object = { shape: [H, W], re: re!.dataSync() as Float32Array, im: im!.dataSync() as Float32Array };
      const pr = new Float64Array(n * n), pi = new Float64Array(n * n);
      objectPatchInto(object, x, y, n, pr, pi);
      return [tf.tensor(Float32Array.from(pr), [n, n]), tf.tensor(Float32Array.from(pi), [n, n])];
    },
    adjoint: ([re, im]: tf.Tensor[]) => {
      const object = { shape: [H, W], re: new Float32Array(H * W), im: new Float32Array(H * W) };
      objectPatchAdjointAdd(object, x, y, n, Float64Array.from(re!.dataSync()), Float64Array.from(im!.dataSync()));
      return [tf.tensor(object.re, [H, W]), tf.tensor(object.im, [H, W])];
    },
    domain: [[H, W], [H, W]],
    range: [[n, n], [n, n]],
  };
}

describe('objectPatchAdjointAdd', () => {
  // Dot-product test (STYLE §1): float32 inputs and outputs, float64 sums; rtol 1e-5 of ‖Fm‖‖d‖ is
  // float32 rounding (~6e-8 per value) with a wide margin, while a wrong weight, an off-by-one
  // row/column or a missing border clip gives an O(1) relative mismatch.
  it.each([
    ['an integer position inside', 12, 9],
    ['a sub-pixel position inside', 12.3, 9.7],
    ['a sub-pixel position past the top-left edge', 3.25, 2.5],
    ['an integer position past the bottom-right edge', 20, 17],
    ['a sub-pixel position past the bottom-right edge', 19.6, 16.1],
  ])('is the adjoint of objectPatchInto (⟨E o, p⟩ = ⟨o, E* p⟩) at %s', async (_label, x, y) => {
    await withBackend('cpu', () => expectAdjoint(pair(22, 25, 8, x, y), { label: `(x, y) = (${x}, ${y})` }));
  });

  it('adds rather than overwrites (two calls give twice one call)', () => {
    const n = 4, H = 9, W = 9;
    const pr = Float64Array.from({ length: n * n }, (_, i) => i + 1), pi = Float64Array.from({ length: n * n }, (_, i) => -i);
    const once = { shape: [H, W], re: new Float32Array(H * W), im: new Float32Array(H * W) };
    const twice = { shape: [H, W], re: new Float32Array(H * W), im: new Float32Array(H * W) };
    objectPatchAdjointAdd(once, 4.5, 4.25, n, pr, pi);
    objectPatchAdjointAdd(twice, 4.5, 4.25, n, pr, pi);
    objectPatchAdjointAdd(twice, 4.5, 4.25, n, pr, pi);
    expect(Array.from(twice.re)).toEqual(Array.from(once.re, (v) => 2 * v));
    expect(Array.from(twice.im)).toEqual(Array.from(once.im, (v) => 2 * v));
  });
});
