import type { ComplexArray, Rng } from '@ptychojs/io';

/** What every generator of an object from a thickness map takes (`blobsObject`, `polygonsObject`). */
export interface ThicknessObjectOptions {
  /** Object rows H. */
  readonly height: number;
  /** Object columns W. */
  readonly width: number;
  /** Random source (`createRng(seed)`). */
  readonly rng: Rng;
  /** Transmission at full thickness (see {@link transmissionFromThickness}). Default 0.5. */
  readonly amplitudeMin?: number;
  /** Phase at full thickness, radians. Default π/2. */
  readonly phaseMax?: number;
}

/** The object of a thickness map `t` under the options' transmission, their defaults filled: {@link transmissionFromThickness}. */
export function thicknessObject(t: ArrayLike<number>, opts: ThicknessObjectOptions): ComplexArray {
  return transmissionFromThickness(t, opts.height, opts.width, opts.amplitudeMin ?? 0.5, opts.phaseMax ?? Math.PI / 2);
}

/**
 * A thin sample's transmission from its normalized projected thickness t ∈ [0, 1]
 * (projection approximation, e.g. Paganin, *Coherent X-ray Optics*, §2.2: O = exp(−k∫(β − iδ)dz)):
 * `amplitude = amplitudeMin^t` (1 where there is no material, amplitudeMin at full thickness) and
 * `phase = phaseMax·t`, so amplitude and phase are both functions of one map, as in real samples
 * of one material.
 *
 * @shape t (H·W) float, values clamped to [0, 1]
 * @returns (H, W) complex, float32 planes
 */
export function transmissionFromThickness(t: ArrayLike<number>, H: number, W: number, amplitudeMin: number, phaseMax: number): ComplexArray {
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  const logA = Math.log(Math.max(amplitudeMin, 1e-6));
  for (let i = 0; i < H * W; i++) {
    const ti = Math.min(1, Math.max(0, t[i]!));
    const a = Math.exp(logA * ti), p = phaseMax * ti;
    re[i] = a * Math.cos(p);
    im[i] = a * Math.sin(p);
  }
  return { shape: [H, W], re, im };
}
