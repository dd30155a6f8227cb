import { InputError } from '@ptychojs/io';

/** Result of {@link scanOverlap}. */
export interface ScanOverlap {
  /** Probe diameter d used: the Gaussian-equivalent FWHM, 1.665 × the rms radius (pixels). */
  readonly diameter: number;
  /** Step a used (pixels). */
  readonly step: number;
  /** Linear overlap `1 − a/d` (Bunk et al. 2008, Ultramicroscopy 108, 481); negative when the discs do not touch. */
  readonly linear: number;
  /**
   * Areal overlap: the fraction of one illuminated disc that the next one also covers,
   * `(2/π)·(acos u − u·√(1 − u²))`, u = a/d (the lens-shaped intersection of two discs of diameter
   * d whose centres are a apart, over the disc's area); 0 for a ≥ d.
   */
  readonly areal: number;
}

/**
 * Linear and areal overlap of neighbouring illuminations (issue 17) from the scan step (e.g. the
 * median distance to the nearest other position) and the probe's rms radius
 * ({@link probeRmsRadius}). The diameter is the FWHM of the Gaussian with that rms radius,
 * `2√(2 ln 2)·r_rms/√2 = 1.665·r_rms` (a 2-D Gaussian of standard deviation σ per axis has
 * r_rms = √2·σ and FWHM = 2.355σ), the one definition `inspect`'s overlap uses too. Real probes
 * are not Gaussian: read the numbers as a comparison between scans, not as a sharp criterion
 * (ptychography is commonly run at linear overlaps of 0.6 and more).
 *
 * @throws InputError for a negative or non-finite step or a non-positive rms radius
 */
export function scanOverlap(step: number, rmsRadius: number): ScanOverlap {
  if (!(step >= 0) || !Number.isFinite(step)) throw new InputError('scan step must be finite and ≥ 0', { key: 'step', expected: '≥ 0 pixels', actual: String(step) });
  if (!(rmsRadius > 0) || !Number.isFinite(rmsRadius)) throw new InputError('probe rms radius must be finite and > 0', { key: 'probeGuess', expected: 'rms radius > 0', actual: String(rmsRadius) });
  const diameter = 1.665 * rmsRadius, u = step / diameter;
  return { diameter, step, linear: 1 - u, areal: u >= 1 ? 0 : (2 / Math.PI) * (Math.acos(u) - u * Math.sqrt(1 - u * u)) };
}
