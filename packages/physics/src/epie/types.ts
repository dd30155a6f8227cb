import type { ComplexArray, Reconstruction } from '@ptychojs/io';

/** An object on a canvas (SPEC §3): canvas pixel (r, c) is the object point (x = c + x0, y = r + y0). */
export interface ObjectOnCanvas {
  /** @shape (H, W) complex */
  readonly object: ComplexArray;
  /** [x0, y0] in the scan's pixel frame. */
  readonly canvasOrigin: readonly [number, number];
}

/** What {@link epie} reports after each iteration (one sweep over every scan position). */
export interface EpieProgress {
  /** 1-based iteration just finished. */
  readonly iteration: number;
  readonly iterations: number;
  /** Its cost (see {@link EpieResult.cost}). */
  readonly cost: number;
  /** Seconds since the start (set-up included). */
  readonly seconds: number;
  /**
   * The object as it stands, on its canvas: a live view of the working array (the same one every
   * call, changed by later iterations), e.g. to show progress or save snapshots; copy what you keep.
   */
  readonly current: ObjectOnCanvas;
}

/** Options of {@link epie}. */
export interface EpieOptions {
  /** @shape (M, N, N) float32 measured amplitudes sqrt(counts), zero frequency at (N/2, N/2) (SPEC §3 `diff3d`) */
  readonly diffraction: Float32Array;
  /**
   * @shape (N, N) uint8 — bad pixels (1 = not measured: detector gaps, hot pixels). There the
   * modulus constraint is not applied (the model's own amplitude is kept, Ψ' = Ψ) and the cost
   * skips them; their values in `diffraction` are never read. Default: every pixel measured.
   */
  readonly badPixels?: Uint8Array;
  /** @shape (N, N) complex, the known probe (SPEC §3 `probeGuess`); rescaled to the data, see `probeScale` */
  readonly probe: ComplexArray;
  /** @shape (M,) scan positions, columns (pixels, object frame) */
  readonly xs: ArrayLike<number>;
  /** @shape (M,) scan positions, rows */
  readonly ys: ArrayLike<number>;
  /** Sweeps over all positions (≥ 1). */
  readonly iterations: number;
  /**
   * rPIE's α for the object update (Maiden, Johnson & Li 2017), in (0, 1]: the step is
   * `conj(P)·Δψ / ((1 − α)|P|² + α·max|P|²)`. 1 (default) is ePIE with β = 1 (Maiden & Rodenburg 2009).
   */
  readonly rpieAlpha?: number;
  /** Also update the probe (ePIE's probe step, rPIE-regularized with `probeAlpha`). Default false. */
  readonly probeUpdate?: boolean;
  /** α of the probe update, in (0, 1]; default 1. */
  readonly probeAlpha?: number;
  /** Seed of the position order (a fresh permutation each iteration from `createRng(seed)`). Default 0. */
  readonly seed?: number;
  /**
   * Starting object, e.g. a network's reconstruction to refine (the `Reconstruction` contract).
   * Its canvas is kept and grown where patches reach past it (new pixels start at its mean
   * amplitude and global phase, see `epieCanvas`). Default:
   * flat, 1 everywhere, on the smallest integer-origin canvas that holds every patch.
   */
  readonly initialObject?: ObjectOnCanvas;
  /** Called after every iteration. */
  readonly onIteration?: (progress: EpieProgress) => void;
}

/** Result of {@link epie}. */
export interface EpieResult {
  /** The object on its canvas (same contract as inference's reconstruction, SPEC §3). */
  readonly reconstruction: Reconstruction;
  /** @shape (N, N) complex, the probe used (rescaled by `probeScale`; updated if `probeUpdate`) */
  readonly probe: ComplexArray;
  /**
   * Cost per iteration: `Σ_k Σ_ij (|Ψ̂_k|/N − A_k)² / Σ_k Σ_ij A_k²`, the squared amplitude
   * misfit relative to the data's energy (0 = the model explains every pattern), with
   * `Ψ̂_k = FFT2(P·O_patch,k)` taken during the sweep, just before position k's update (the
   * usual ePIE error, free to compute).
   * @shape (iterations,)
   */
  readonly cost: Float64Array;
  /**
   * s applied to the given probe so the starting model matches the data's energy:
   * `s² = Σ_k Σ A_k² / Σ_k Σ |P·O_patch,k|²` with the starting object (SPEC §3's intensity scale).
   */
  readonly probeScale: number;
  readonly seconds: number;
}
