import { InputError, type ComplexArray } from '@ptychojs/io';

/** Result of {@link probeChange}. */
export interface ProbeChange {
  /** `‖P₁ − g·P₀‖ / ‖P₁‖`: 0 when the probe only changed by a complex factor. */
  readonly relativeChange: number;
  /** |g|: the change of scale (ePIE rescales the probe to the data's energy). */
  readonly scale: number;
  /** arg g, radians: the change of global phase. */
  readonly phase: number;
}

/**
 * How much a probe changed when it was trained or refined (issue 17): the least-squares complex
 * factor g = ⟨P₀, P₁⟩/‖P₀‖² that best maps the initial probe P₀ onto the final P₁ (a global
 * scale and phase, which the forward model cannot tell from the object's), and what is left,
 * `‖P₁ − g·P₀‖/‖P₁‖` — the part of the final probe the initial one does not explain.
 *
 * @shape initial (N, N) complex
 * @shape final (N, N) complex
 * @throws InputError on different shapes or a probe without energy
 */
export function probeChange(initial: ComplexArray, final: ComplexArray): ProbeChange {
  const n = initial.re.length;
  if (final.re.length !== n || initial.shape.join() !== final.shape.join()) throw new InputError('the probes differ in shape', { key: 'probe', expected: `(${initial.shape.join(', ')})`, actual: `(${final.shape.join(', ')})` });
  let e0 = 0, e1 = 0, gr = 0, gi = 0;
  for (let i = 0; i < n; i++) {
    const ar = initial.re[i]!, ai = initial.im[i]!, br = final.re[i]!, bi = final.im[i]!;
    e0 += ar * ar + ai * ai; e1 += br * br + bi * bi;
    gr += ar * br + ai * bi; gi += ar * bi - ai * br; // conj(P0)·P1
  }
  if (!(e0 > 0) || !(e1 > 0)) throw new InputError('a probe has no energy', { key: 'probe', expected: 'Σ|P|² > 0', actual: `initial ${e0}, final ${e1}` });
  gr /= e0; gi /= e0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const ar = initial.re[i]!, ai = initial.im[i]!;
    const dr = final.re[i]! - (gr * ar - gi * ai), di = final.im[i]! - (gr * ai + gi * ar);
    r += dr * dr + di * di;
  }
  return { relativeChange: Math.sqrt(r / e1), scale: Math.hypot(gr, gi), phase: Math.atan2(gi, gr) };
}
