import { InputError } from '@ptychojs/io';

/** Options of {@link reliableRegion}. */
export interface ReliableRegionOptions {
  /** Fraction of the reference fluence a pixel needs (default 0.5). */
  readonly fraction?: number;
}

/** Result of {@link reliableRegion}. */
export interface ReliableRegion {
  /** 1 where the fluence reaches the threshold. @shape (H, W) */
  readonly mask: Uint8Array;
  /** The reference fluence: the 90th percentile of the non-zero fluence. */
  readonly reference: number;
  /** fraction · reference. */
  readonly threshold: number;
  /** Pixels in the mask. */
  readonly pixels: number;
  /** Bounding box of the mask, canvas rows and columns (inclusive first, exclusive end); null for an empty mask. */
  readonly box: { readonly row0: number; readonly col0: number; readonly height: number; readonly width: number } | null;
}

/**
 * The reliably reconstructed region of a scan (issue 17): the canvas pixels whose fluence
 * ({@link fluenceMap}) is at least `fraction` (default ½) of a reference fluence, the 90th
 * percentile of the non-zero fluence (the level inside the scanned area, robust to a few
 * dense spots). With overlapping positions the fluence is nearly flat inside the scanned area and
 * falls over about one probe width outside it, so the default keeps the area inside the outermost
 * positions (where half a probe still lands) and drops the rim that only the probe's tails reach,
 * where the object is barely constrained.
 *
 * @shape fluence (H, W) float
 * @throws InputError for a fraction outside (0, 1], a size mismatch or a fluence that is zero everywhere
 */
export function reliableRegion(fluence: ArrayLike<number>, height: number, width: number, opts: ReliableRegionOptions = {}): ReliableRegion {
  const fraction = opts.fraction ?? 0.5;
  if (!(fraction > 0 && fraction <= 1)) throw new InputError('fraction must lie in (0, 1]', { key: 'fraction', expected: '0 < f ≤ 1', actual: String(fraction) });
  if (fluence.length !== height * width) throw new InputError('fluence does not match the canvas size', { key: 'fluence', expected: `${height}·${width} values`, actual: `${fluence.length}` });
  const positive: number[] = [];
  for (let i = 0; i < fluence.length; i++) { const v = fluence[i]!; if (v > 0 && Number.isFinite(v)) positive.push(v); }
  if (positive.length === 0) throw new InputError('the fluence is zero everywhere: no pixel is illuminated', { key: 'fluence', expected: 'some fluence > 0', actual: 'all zero' });
  positive.sort((a, b) => a - b);
  const reference = positive[Math.min(positive.length - 1, Math.floor(0.9 * positive.length))]!;
  const threshold = fraction * reference;
  const mask = new Uint8Array(height * width);
  let pixels = 0, r0 = height, r1 = -1, c0 = width, c1 = -1;
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
    if (fluence[r * width + c]! >= threshold) {
      mask[r * width + c] = 1; pixels++;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  return { mask, reference, threshold, pixels, box: pixels > 0 ? { row0: r0, col0: c0, height: r1 - r0 + 1, width: c1 - c0 + 1 } : null };
}
