import { InputError, type ComplexArray } from '@ptychojs/io';
import { checkObjectSize } from './check-object-size.js';
import { thicknessObject, type ThicknessObjectOptions } from './transmission-from-thickness.js';

/** Options of {@link polygonsObject}. */
export interface PolygonsObjectOptions extends ThicknessObjectOptions {
  /** Number of polygons. Default one per 400 px² of area (about 41 on 128²). */
  readonly count?: number;
  /** Circumradius range of a polygon, pixels. Default [3, 16]. */
  readonly radiusRange?: readonly [number, number];
}

/** Samples per pixel side for anti-aliasing the edges. */
const SUPERSAMPLE = 4;

/**
 * Sharp-edged random polygons (3–8 vertices at random angles around a centre, radii varying ±40%,
 * so shapes are star-like, possibly concave), each of uniform random thickness in [0.2, 1];
 * thicknesses add and are clipped to 1, then mapped to a transmission by
 * {@link transmissionFromThickness}. Edges are anti-aliased by 4×4 supersampling (even-odd rule).
 * A family with straight edges and corners at every orientation, the highest spatial frequencies
 * of the families.
 *
 * @returns (H, W) complex object, float32 planes
 */
export function polygonsObject(opts: PolygonsObjectOptions): ComplexArray {
  const { height: H, width: W, rng } = opts;
  checkObjectSize(H, W, 'polygonsObject');
  const count = opts.count ?? Math.round((H * W) / 400);
  const [rMin, rMax] = opts.radiusRange ?? [3, 16];
  if (!Number.isSafeInteger(count) || count < 0) throw new InputError(`polygonsObject: count must be a non-negative integer, got ${count}`);
  if (!(rMin > 0 && rMax >= rMin && Number.isFinite(rMax))) throw new InputError(`polygonsObject: radiusRange must be 0 < min ≤ max, got [${rMin}, ${rMax}]`);
  const t = new Float64Array(H * W);
  const S = SUPERSAMPLE, w = 1 / (S * S);
  for (let k = 0; k < count; k++) {
    const cy = rng.next() * H, cx = rng.next() * W, R = rMin + (rMax - rMin) * rng.next();
    const n = 3 + rng.int(6);
    const angles = Array.from({ length: n }, () => 2 * Math.PI * rng.next()).sort((p, q) => p - q);
    const radii = angles.map(() => R * (0.6 + 0.8 * rng.next()));
    const vy = angles.map((a, i) => cy + radii[i]! * Math.sin(a));
    const vx = angles.map((a, i) => cx + radii[i]! * Math.cos(a));
    const height = 0.2 + 0.8 * rng.next();
    const r0 = Math.max(0, Math.floor(Math.min(...vy))), r1 = Math.min(H - 1, Math.ceil(Math.max(...vy)));
    const c0 = Math.max(0, Math.floor(Math.min(...vx))), c1 = Math.min(W - 1, Math.ceil(Math.max(...vx)));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        let inside = 0;
        for (let sy = 0; sy < S; sy++) {
          const y = r - 0.5 + (sy + 0.5) / S;
          for (let sx = 0; sx < S; sx++) {
            if (pointInPolygon(c - 0.5 + (sx + 0.5) / S, y, vx, vy)) inside++;
          }
        }
        if (inside > 0) t[r * W + c]! += height * inside * w;
      }
    }
  }
  return thicknessObject(t, opts);
}

/** Even-odd rule (ray casting along +x). */
function pointInPolygon(x: number, y: number, vx: readonly number[], vy: readonly number[]): boolean {
  let inside = false;
  for (let i = 0, j = vx.length - 1; i < vx.length; j = i++) {
    if ((vy[i]! > y) !== (vy[j]! > y) && x < ((vx[j]! - vx[i]!) * (y - vy[i]!)) / (vy[j]! - vy[i]!) + vx[i]!) inside = !inside;
  }
  return inside;
}
