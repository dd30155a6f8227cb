import { describe, expect, it } from 'vitest';
import { gaussianFilter1d } from './gaussian-filter-1d.js';
import { gaussianFilter2d } from './gaussian-filter-2d.js';

// Expected values from scipy 1.17 (float64), computed by:
//   r, c = np.mgrid[0:5, 0:7]; x = ((r*7 + c*3) % 5 + 0.5*r).astype(float)
//   scipy.ndimage.gaussian_filter(x, σ).ravel() for σ = 1.5 and σ = 6
//   scipy.ndimage.gaussian_filter1d([(i*7) % 5 for i in range(9)], 2.0)
// σ = 6 has radius 24, far past both sides: the 'reflect' boundary wraps several times.
const H = 5, W = 7;
const X = Float64Array.from({ length: H * W }, (_, i) => ((Math.floor(i / W) * 7 + (i % W) * 3) % 5) + 0.5 * Math.floor(i / W));
const SCIPY_15 = [1.9990994231, 2.1345729828, 2.3348918116, 2.4748283288, 2.4555761572, 2.3265158718, 2.2257998019, 2.4269005057, 2.4753379935, 2.5705815862, 2.6661810997, 2.6857500748,
  2.6240494401, 2.5603215026, 3.0533076245, 3.0109220934, 2.9747373246, 2.9844868939, 3.0259505587, 3.0567824799, 3.0638646508, 3.6053305603, 3.5309928823, 3.4136549718,
  3.3241828408, 3.330228732, 3.4108820282, 3.478876541, 3.9153618865, 3.848174048, 3.7061343058, 3.5503208368, 3.5024944772, 3.58177018, 3.6711375038];
const SCIPY_6 = [2.9990645079, 2.9990656757, 2.9990678214, 2.9990704698, 2.9990731145, 2.9990752476, 2.999076399, 2.9994210887, 2.9994217528, 2.9994229721, 2.9994244777, 2.9994259809,
  2.9994271921, 2.9994278455, 2.9999948852, 2.9999948807, 2.9999948727, 2.9999948613, 2.9999948498, 2.9999948412, 2.9999948364, 3.0005808029, 3.0005801129, 3.0005788456,
  3.0005772807, 3.0005757182, 3.0005744593, 3.0005737797, 3.0009387154, 3.0009375778, 3.0009354882, 3.0009329105, 3.0009303365, 3.0009282599, 3.0009271393];

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe('gaussianFilter2d', () => {
  it("equals scipy.ndimage.gaussian_filter (mode 'reflect', truncate 4), also when the kernel is wider than the image", () => {
    // The references are printed to 10 decimals: 1e-9 absolute.
    expect(maxAbsDiff(gaussianFilter2d(X, H, W, 1.5), SCIPY_15)).toBeLessThan(1e-9);
    expect(maxAbsDiff(gaussianFilter2d(X, H, W, 6), SCIPY_6)).toBeLessThan(1e-9);
  });

  it('keeps a constant image constant and returns a copy for σ = 0', () => {
    const c = gaussianFilter2d(new Float64Array(12).fill(2.5), 3, 4, 3);
    expect(maxAbsDiff(c, new Float64Array(12).fill(2.5))).toBeLessThan(1e-12); // normalized kernel, rounding only
    const same = gaussianFilter2d(X, H, W, 0);
    expect(Array.from(same)).toEqual(Array.from(X));
    expect(same).not.toBe(X);
  });
});

describe('gaussianFilter1d', () => {
  it('equals scipy.ndimage.gaussian_filter1d', () => {
    const x = Array.from({ length: 9 }, (_, i) => (i * 7) % 5);
    const want = [1.543457486259, 1.698305089113, 1.873511591766, 1.951092700169, 1.940685312478, 1.930734056041, 1.969096840659, 2.028141835507, 2.064975088008];
    expect(maxAbsDiff(gaussianFilter1d(x, 2), want)).toBeLessThan(1e-11); // printed to 12 decimals
  });
});
