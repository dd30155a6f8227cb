import { InputError, type ComplexArray } from '@ptychojs/io';
import { checkObjectSize } from './check-object-size.js';
import { thicknessObject, type ThicknessObjectOptions } from './transmission-from-thickness.js';

/** Options of {@link blobsObject}. */
export interface BlobsObjectOptions extends ThicknessObjectOptions {
  /** Number of blobs. Default one per 150 px² of area (about 109 on 128²). */
  readonly count?: number;
  /** Semi-axes are drawn uniformly in this range, pixels. Default [2, 10]. */
  readonly radiusRange?: readonly [number, number];
}

/**
 * Overlapping soft-edged ellipses ("cells"): each blob has a random centre (uniform over the
 * object), semi-axes, orientation and thickness (uniform in [0.2, 1]), and a 1-pixel logistic edge
 * `1/(1 + exp((ρ − 1)·r/1 px))` in its elliptic radius ρ; thicknesses add and are clipped to 1,
 * then mapped to a transmission by {@link transmissionFromThickness}. A family of
 * compact features with sharp-ish edges and correlated amplitude and phase, unlike the lines and
 * Gaussian-random-field families.
 *
 * @returns (H, W) complex object, float32 planes
 */
export function blobsObject(opts: BlobsObjectOptions): ComplexArray {
  const { height: H, width: W, rng } = opts;
  checkObjectSize(H, W, 'blobsObject');
  const count = opts.count ?? Math.round((H * W) / 150);
  const [rMin, rMax] = opts.radiusRange ?? [2, 10];
  if (!Number.isSafeInteger(count) || count < 0) throw new InputError(`blobsObject: count must be a non-negative integer, got ${count}`);
  if (!(rMin > 0 && rMax >= rMin && Number.isFinite(rMax))) throw new InputError(`blobsObject: radiusRange must be 0 < min ≤ max, got [${rMin}, ${rMax}]`);
  const t = new Float64Array(H * W);
  for (let k = 0; k < count; k++) {
    const cy = rng.next() * H, cx = rng.next() * W;
    const a = rMin + (rMax - rMin) * rng.next(), b = rMin + (rMax - rMin) * rng.next();
    const th = Math.PI * rng.next(), c = Math.cos(th), s = Math.sin(th);
    const height = 0.2 + 0.8 * rng.next();
    const reach = Math.max(a, b) + 4;
    const r0 = Math.max(0, Math.floor(cy - reach)), r1 = Math.min(H - 1, Math.ceil(cy + reach));
    const c0 = Math.max(0, Math.floor(cx - reach)), c1 = Math.min(W - 1, Math.ceil(cx + reach));
    for (let r = r0; r <= r1; r++) {
      for (let col = c0; col <= c1; col++) {
        const dy = r - cy, dx = col - cx;
        const u = (c * dx + s * dy) / a, v = (-s * dx + c * dy) / b;
        const rho = Math.sqrt(u * u + v * v);
        // Distance outside the edge in pixels, approximately (ρ − 1)·(mean semi-axis).
        const d = (rho - 1) * 0.5 * (a + b);
        if (d > 6) continue;
        t[r * W + col]! += height / (1 + Math.exp(d));
      }
    }
  }
  return thicknessObject(t, opts);
}
