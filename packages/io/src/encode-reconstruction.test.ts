import { describe, expect, it } from 'vitest';
import { encodeNpz } from './encode-npz.js';
import { encodeReconstruction } from './encode-reconstruction.js';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';
import { parseReconstruction } from './parse-reconstruction.js';
import type { ComplexArray } from './types.js';

// 2×3 object with known polar form: amplitude k+1, phase 0.5·(k−2) (all within (−π, π]).
const H = 2, W = 3;
const object: ComplexArray = {
  shape: [H, W],
  re: Float32Array.from({ length: 6 }, (_, k) => (k + 1) * Math.cos(0.5 * (k - 2))),
  im: Float32Array.from({ length: 6 }, (_, k) => (k + 1) * Math.sin(0.5 * (k - 2))),
};

describe('encodeReconstruction / parseReconstruction', () => {
  it('writes object c8, amplitude and phase f4, canvasOrigin f8 (2,) per SPEC §3', () => {
    const r = encodeReconstruction({ object, canvasOrigin: [-12.5, 7] });
    expect([r.object.dtype, r.amplitude.dtype, r.phase.dtype, r.canvasOrigin.dtype]).toEqual(['c8', 'f4', 'f4', 'f8']);
    expect(r.amplitude.shape).toEqual([H, W]);
    expect(Array.from(r.canvasOrigin.data as Float64Array)).toEqual([-12.5, 7]);
    // float32 inputs carry ~6e-8 relative error, so amplitude within 1e-6·(k+1), phase within 1e-6 rad.
    (r.amplitude.data as Float32Array).forEach((a, k) => expect(Math.abs(a - (k + 1))).toBeLessThan(1e-6 * (k + 1)));
    (r.phase.data as Float32Array).forEach((p, k) => expect(Math.abs(p - 0.5 * (k - 2))).toBeLessThan(1e-6));
  });

  it('round-trips through an NPZ', () => {
    const r = encodeReconstruction({ object, canvasOrigin: [3, 4] });
    const back = parseReconstruction(parseNpz(encodeNpz({ ...r })), 'recon.npz');
    expect(back.object).toEqual(object);
    expect(back.canvasOrigin).toEqual([3, 4]);
    expect(back.amplitude).toEqual(r.amplitude.data);
  });

  it('computes amplitude and phase when absent', () => {
    const { object: o, canvasOrigin } = encodeReconstruction({ object, canvasOrigin: [0, 0] });
    const back = parseReconstruction({ object: o, canvasOrigin }, 'r.npz');
    expect(back.phase[4]).toBeCloseTo(1, 6);
  });

  it('reports every problem, naming file, key, expected and actual', () => {
    const bad = {
      object: ndarray('f4', [2, 3], new Float32Array(6)),
      amplitude: ndarray('f4', [3, 3], new Float32Array(9)),
      canvasOrigin: ndarray('f8', [3], new Float64Array(3)),
    };
    try { parseReconstruction(bad, 'r.npz'); throw new Error('no throw'); } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems).toEqual([
        "r.npz, key 'object': wrong dtype; expected (H, W) complex64; got (2, 3) float32",
        "r.npz, key 'canvasOrigin': wrong shape or dtype; expected (2,) float64 = [x0, y0]; got (3,) float64",
      ]);
    }
    const nan = encodeReconstruction({ object: { shape: [1, 2], re: Float32Array.from([0, NaN]), im: new Float32Array(2) }, canvasOrigin: [0, 0] });
    expect(() => parseReconstruction({ ...nan }, 'n.npz')).toThrow("n.npz, key 'object': 1 NaN/Inf values, first at index (0, 1)");
    const { object: o, canvasOrigin } = encodeReconstruction({ object, canvasOrigin: [0, 0] });
    expect(() => parseReconstruction({ object: o, canvasOrigin, phase: ndarray('f4', [3, 2], new Float32Array(6)) }, 'p.npz')).toThrow(/key 'phase': shape differs from object; expected \(2, 3\) float32 like object/);
  });
});
