import { InputError, type ComplexArray } from '@ptychojs/io';
import type { ScanBox } from '../types.js';
import { evaluationCrop } from '../evaluation-crop.js';
import { scanBoxPixels } from './scan-box-pixels.js';

/** Both complex images on the same crop of the truth frame. */
export interface PlacedCrop {
  /** First row / column of the crop in the truth frame, and its size. */
  readonly row0: number;
  readonly col0: number;
  readonly height: number;
  readonly width: number;
  readonly truthRe: Float64Array;
  readonly truthIm: Float64Array;
  readonly reconRe: Float64Array;
  readonly reconIm: Float64Array;
  /** The integer origin used (rounded from the given one). */
  readonly origin: readonly [number, number];
  readonly notes: readonly string[];
}

function checkComplex(fn: string, name: string, z: ComplexArray): [number, number] {
  const shape = z?.shape;
  if (!shape || shape.length !== 2) {
    throw new InputError(`${fn}: '${name}' must be a 2-D complex array`, { key: name, expected: '(H, W) complex', actual: shape ? `(${shape.join(', ')})` : String(z) });
  }
  const [H, W] = shape as [number, number];
  if (!(H >= 1 && W >= 1) || z.re.length !== H * W || z.im.length !== H * W) {
    throw new InputError(`${fn}: '${name}' planes do not match its shape`, { key: name, expected: `re, im of ${H}·${W} values`, actual: `re ${z.re.length}, im ${z.im.length}` });
  }
  for (let i = 0; i < H * W; i++) {
    if (!Number.isFinite(z.re[i]!) || !Number.isFinite(z.im[i]!)) {
      throw new InputError(`${fn}: '${name}' contains a non-finite value at pixel (${Math.floor(i / W)}, ${i % W})`, { key: name, expected: 'finite values', actual: `${z.re[i]} + ${z.im[i]}i` });
    }
  }
  return [H, W];
}

/**
 * Place the reconstruction in the truth frame (recon pixel (r, c) is the object point
 * x = c + x0, y = r + y0; truth pixel (r, c) is x = c, y = r; SPEC §3 `canvasOrigin`) and crop both
 * to the scan box ∩ truth ({@link evaluationCrop}) ∩ recon. A non-integer origin is rounded (no sub-pixel resampling).
 * Recon pixels outside the reconstruction cannot occur (the crop is limited to it).
 */
export function placeAndCrop(fn: string, recon: ComplexArray, reconOrigin: readonly [number, number], truth: ComplexArray, scanBox?: ScanBox): PlacedCrop {
  const [H, W] = checkComplex(fn, 'recon', recon);
  const [Ht, Wt] = checkComplex(fn, 'truth', truth);
  const notes: string[] = [];
  if (!reconOrigin || reconOrigin.length < 2) {
    throw new InputError(`${fn}: reconOrigin must be [x0, y0]`, { key: 'reconOrigin', expected: '[x0, y0] finite', actual: String(reconOrigin) });
  }
  const [ox, oy] = [Number(reconOrigin[0]), Number(reconOrigin[1])];
  if (!Number.isFinite(ox) || !Number.isFinite(oy)) {
    throw new InputError(`${fn}: reconOrigin must be two finite numbers`, { key: 'reconOrigin', expected: '[x0, y0] finite', actual: `[${reconOrigin[0]}, ${reconOrigin[1]}]` });
  }
  const x0 = Math.round(ox), y0 = Math.round(oy);
  if (x0 !== ox || y0 !== oy) {
    notes.push(`reconOrigin [${ox}, ${oy}] is not integer; rounded to [${x0}, ${y0}] (no sub-pixel resampling; the residual shift of up to 0.5 px lowers the scores)`);
  }
  let c0 = 0, c1 = Wt - 1, r0 = 0, r1 = Ht - 1;
  if (scanBox) {
    const { xmin, xmax, ymin, ymax } = scanBox;
    if (![xmin, xmax, ymin, ymax].every(Number.isFinite) || xmin > xmax || ymin > ymax) {
      throw new InputError(`${fn}: scanBox must have finite xmin ≤ xmax and ymin ≤ ymax`, { key: 'scanBox', expected: '{xmin ≤ xmax, ymin ≤ ymax} finite', actual: JSON.stringify(scanBox) });
    }
    const px = scanBoxPixels(scanBox);
    if (px.col0 < 0 || px.row0 < 0 || px.col1 > Wt - 1 || px.row1 > Ht - 1) notes.push(`scan box cols ${px.col0}…${px.col1}, rows ${px.row0}…${px.row1} clipped to the truth (${Ht}×${Wt})`);
    // An empty crop (width or height 0) ends below: no overlap.
    const crop = evaluationCrop(scanBox, Ht, Wt);
    c0 = crop.col0; r0 = crop.row0; c1 = crop.col0 + crop.width - 1; r1 = crop.row0 + crop.height - 1;
  }
  if (c0 < x0 || r0 < y0 || c1 > x0 + W - 1 || r1 > y0 + H - 1) {
    notes.push(`evaluation box cols ${c0}…${c1}, rows ${r0}…${r1} clipped to the reconstruction's extent (cols ${x0}…${x0 + W - 1}, rows ${y0}…${y0 + H - 1})`);
  }
  c0 = Math.max(c0, x0); r0 = Math.max(r0, y0); c1 = Math.min(c1, x0 + W - 1); r1 = Math.min(r1, y0 + H - 1);
  const width = c1 - c0 + 1, height = r1 - r0 + 1;
  if (width < 1 || height < 1) {
    throw new InputError(`${fn}: the reconstruction, the truth and the scan box do not overlap`, {
      key: 'reconOrigin', expected: 'a non-empty overlap', actual: `recon cols ${x0}…${x0 + W - 1}, rows ${y0}…${y0 + H - 1}; truth ${Ht}×${Wt}${scanBox ? `; box ${JSON.stringify(scanBox)}` : ''}`,
    });
  }
  const n = width * height;
  const truthRe = new Float64Array(n), truthIm = new Float64Array(n), reconRe = new Float64Array(n), reconIm = new Float64Array(n);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c, t = (r + r0) * Wt + c + c0, s = (r + r0 - y0) * W + (c + c0 - x0);
      truthRe[i] = truth.re[t]!; truthIm[i] = truth.im[t]!;
      reconRe[i] = recon.re[s]!; reconIm[i] = recon.im[s]!;
    }
  }
  return { row0: r0, col0: c0, height, width, truthRe, truthIm, reconRe, reconIm, origin: [x0, y0], notes };
}
