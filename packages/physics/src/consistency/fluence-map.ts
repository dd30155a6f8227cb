import { InputError, type ComplexArray } from '@ptychojs/io';
import { assertComplexImage } from '../sim/assert-complex-image.js';
import { objectPatchAdjointAdd } from '../sim/object-patch-adjoint-add.js';

/** Options of {@link fluenceMap}. */
export interface FluenceMapOptions {
  /** @shape (N, N) complex */
  readonly probe: ComplexArray;
  /** @shape (M,) scan positions, columns, in the scan's pixel frame */
  readonly xs: ArrayLike<number>;
  /** @shape (M,) scan positions, rows */
  readonly ys: ArrayLike<number>;
  /** The canvas the map is drawn on: rows H, columns W, and its origin [x0, y0] (SPEC §3). */
  readonly height: number;
  readonly width: number;
  readonly canvasOrigin: readonly [number, number];
  /**
   * Photons each exposure brings, e.g. the mean counts per pattern (for a weakly absorbing object
   * the counts on the detector are the incident photons). Default 1: the map is in units of one
   * exposure's photons.
   */
  readonly photonsPerExposure?: number;
}

/**
 * The probe's fluence summed over the scan (issue 17): `F(r) = Σ_k |P(r − r_k)|² · Φ/Σ|P|²`,
 * photons per object pixel, with Φ = `photonsPerExposure` — each exposure's probe intensity placed
 * at its position by the adjoint of the bilinear patch extraction ({@link objectPatchAdjointAdd},
 * the placement ePIE's object update uses), so Σ_r F = M·Φ where every patch lies on the canvas.
 * Where F is small the data say little about the object: see {@link reliableRegion}.
 *
 * @returns @shape (H, W) float32, photons per pixel
 * @throws InputError on a malformed probe, positions of different lengths, a probe without energy
 */
export function fluenceMap(opts: FluenceMapOptions): Float32Array {
  const { probe, xs, ys, height: H, width: W } = opts;
  assertComplexImage(probe, { key: 'probeGuess' }, { square: true });
  if (!Number.isSafeInteger(H) || !Number.isSafeInteger(W) || H < 1 || W < 1) throw new InputError('canvas size must be positive integers', { key: 'height', expected: 'H, W ≥ 1', actual: `${H}×${W}` });
  if (ys.length !== xs.length) throw new InputError('xcoords and ycoords differ in length', { key: 'ycoords', expected: `(${xs.length},)`, actual: `(${ys.length},)` });
  const n = probe.shape[0]!, nn = n * n;
  const phi = opts.photonsPerExposure ?? 1;
  if (!(phi > 0) || !Number.isFinite(phi)) throw new InputError('photons per exposure must be finite and > 0', { key: 'photonsPerExposure', expected: '> 0', actual: String(phi) });
  const ir = new Float64Array(nn), zero = new Float64Array(nn);
  let e = 0;
  for (let i = 0; i < nn; i++) { ir[i] = probe.re[i]! ** 2 + probe.im[i]! ** 2; e += ir[i]!; }
  if (!(e > 0)) throw new InputError('the probe has no energy', { key: 'probeGuess', expected: 'Σ|P|² > 0', actual: '0' });
  for (let i = 0; i < nn; i++) ir[i] = (ir[i]! * phi) / e;
  const canvas: ComplexArray = { shape: [H, W], re: new Float32Array(H * W), im: new Float32Array(H * W) };
  const [x0, y0] = opts.canvasOrigin;
  for (let k = 0; k < xs.length; k++) objectPatchAdjointAdd(canvas, xs[k]! - x0, ys[k]! - y0, n, ir, zero);
  return canvas.re;
}
