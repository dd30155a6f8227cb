import { InputError } from '@ptychojs/io';
import { assertComplexImage } from '../sim/assert-complex-image.js';
import type { ObjectOnCanvas } from './types.js';

/**
 * The canvas ePIE works on (SPEC §3 geometry): every patch `O(y_k − N/2 + i, x_k − N/2 + j)`, with
 * its extra bilinear row/column at sub-pixel positions, lies inside it. Without `initial` it is
 * the smallest such canvas with an integer origin, filled with 1 (a flat start). With `initial`
 * the canvas keeps that object's pixel grid (its origin may be fractional) and grows where patches
 * reach past it; the grown pixels take the initial object's mean amplitude and the phase of its
 * sum (`mean|O|·exp(i·arg ΣO)`), so a start on another scale or global phase than 1 (a network's
 * output) is not framed by pixels that contradict it.
 *
 * @shape xs, ys (M,) scan positions, pixels
 * @returns object (H, W) complex float32, canvasOrigin [x0, y0]
 * @throws InputError on non-finite positions or a malformed initial object
 */
export function epieCanvas(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number, initial?: ObjectOnCanvas): ObjectOnCanvas {
  let gx = 0, gy = 0, gH = 0, gW = 0;
  if (initial) {
    assertComplexImage(initial.object, { key: 'initialObject' });
    const o = initial.canvasOrigin;
    if (o.length !== 2 || !Number.isFinite(o[0]) || !Number.isFinite(o[1])) {
      throw new InputError('canvasOrigin must be two finite numbers', { key: 'canvasOrigin', expected: '[x0, y0]', actual: `[${o.join(', ')}]` });
    }
    [gx, gy] = o;
    [gH, gW] = initial.object.shape as [number, number];
  }
  let r0 = Infinity, r1 = -Infinity, c0 = Infinity, c1 = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]!, y = ys[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InputError('non-finite scan position', { key: 'xcoords', expected: 'finite', actual: `(${x}, ${y}) at index ${k}` });
    const cx = x - n / 2 - gx, cy = y - n / 2 - gy;
    const ic = Math.floor(cx), ir = Math.floor(cy);
    c0 = Math.min(c0, ic); c1 = Math.max(c1, ic + n - 1 + (cx > ic ? 1 : 0));
    r0 = Math.min(r0, ir); r1 = Math.max(r1, ir + n - 1 + (cy > ir ? 1 : 0));
  }
  if (initial) { r0 = Math.min(r0, 0); c0 = Math.min(c0, 0); r1 = Math.max(r1, gH - 1); c1 = Math.max(c1, gW - 1); }
  const H = r1 - r0 + 1, W = c1 - c0 + 1;
  const re = new Float32Array(H * W).fill(1), im = new Float32Array(H * W);
  if (initial) {
    const { re: ir, im: ii } = initial.object;
    let sa = 0, sr = 0, si = 0;
    for (let i = 0; i < ir.length; i++) { sa += Math.hypot(ir[i]!, ii[i]!); sr += ir[i]!; si += ii[i]!; }
    const a = sa / ir.length, t = Math.atan2(si, sr);
    if (a > 0 && Number.isFinite(a)) { re.fill(a * Math.cos(t)); im.fill(a * Math.sin(t)); }
    for (let r = 0; r < gH; r++) {
      const dst = (r - r0) * W - c0;
      re.set(ir.subarray(r * gW, (r + 1) * gW), dst);
      im.set(ii.subarray(r * gW, (r + 1) * gW), dst);
    }
  }
  return { object: { shape: [H, W], re, im }, canvasOrigin: [gx + c0, gy + r0] };
}
