import { InputError, type ComplexArray, type RawData } from '@ptychojs/io';
import { medianStep } from '@ptychojs/grouping';
import { PROBE_REFUSE_BELOW, PROBE_WARN_BELOW, probeSimilarity } from '@ptychojs/physics';
import type { ModelCard } from './model-card.js';

/** One finding of {@link checkModelCompatibility}. */
export interface CompatibilityFinding {
  readonly check: 'N' | 'probe' | 'step' | 'dose';
  readonly level: 'ok' | 'warning' | 'refusal';
  /** What was compared, in words, with both values. */
  readonly message: string;
}

/** Whether a model may reconstruct a scan, and why. */
export interface Compatibility {
  /** `refuse`: a finding is a refusal; `warn`: some are warnings; `ok`: all pass. */
  readonly verdict: 'ok' | 'warn' | 'refuse';
  readonly findings: readonly CompatibilityFinding[];
  /** The probe correlation (`probeSimilarity`), when the sizes allowed comparing. */
  readonly probeCorrelation?: number;
  /** The scan's median step (pixels) and dose (photons per pattern) as compared. */
  readonly scanStep?: number;
  readonly scanDose: number;
}

const fmtRange = (r: readonly [number, number], unit = '') => `[${r[0].toPrecision(3)}, ${r[1].toPrecision(3)}]${unit}`;

/**
 * Can the model of `card` (trained under `modelProbe`) reconstruct `raw`? (issue 15, before
 * `ptycho infer` or `run --init-model` writes anything.) Refused: another pattern size N, or a probe
 * whose correlation with the model's ({@link probeSimilarity}: global phase, shift and scale
 * ignored) is below {@link PROBE_REFUSE_BELOW}. Warned: a correlation below
 * {@link PROBE_WARN_BELOW}; a median scan step or a dose outside the ranges the card says the model
 * was trained on (by more than 10%: a network does not extrapolate reliably).
 *
 * @param dose the scan's photons per pattern (`resolveDose`)
 */
export function checkModelCompatibility(card: ModelCard, modelProbe: ComplexArray, raw: Pick<RawData, 'N' | 'probeGuess' | 'source' | 'xcoords' | 'ycoords'>, dose: number): Compatibility {
  const findings: CompatibilityFinding[] = [];
  if (raw.N !== card.N) {
    findings.push({ check: 'N', level: 'refusal', message: `the scan's patterns are ${raw.N}×${raw.N}, the model's ${card.N}×${card.N}` });
    return { verdict: 'refuse', findings, scanDose: dose };
  }
  findings.push({ check: 'N', level: 'ok', message: `patterns ${raw.N}×${raw.N} as the model's` });
  const sim = probeSimilarity(modelProbe, raw.probeGuess);
  const c = sim.correlation;
  const shift = sim.shift[0] !== 0 || sim.shift[1] !== 0 ? ` (best at a shift of (${sim.shift.join(', ')}) px)` : '';
  if (c < PROBE_REFUSE_BELOW) {
    findings.push({ check: 'probe', level: 'refusal', message: `the scan's probe correlates ${c.toFixed(3)} with the model's${shift}, below ${PROBE_REFUSE_BELOW}: the model was trained under another probe (${card.probe.source}, rms radius ${card.probe.rmsRadius.toFixed(1)} px). Pretrain one with this scan's probe: ptycho pretrain --probe ${raw.source}` });
  } else if (c < PROBE_WARN_BELOW) {
    findings.push({ check: 'probe', level: 'warning', message: `the scan's probe correlates ${c.toFixed(3)} with the model's${shift} (below ${PROBE_WARN_BELOW}): expect lower quality; fine-tune on the scan (ptycho run --init-model) or pretrain with this probe` });
  } else {
    findings.push({ check: 'probe', level: 'ok', message: `the scan's probe correlates ${c.toFixed(3)} with the model's${shift}` });
  }
  const m = medianStep(raw.xcoords, raw.ycoords);
  const step = Number.isFinite(m) ? m : undefined;
  const t = card.training;
  if (step !== undefined && t.stepRange === null) {
    findings.push({ check: 'step', level: 'ok', message: `median scan step ${step.toPrecision(3)} px; the model's card does not say which steps it was trained on` });
  } else if (step !== undefined && t.stepRange !== null) {
    const inside = step >= t.stepRange[0] / 1.1 && step <= t.stepRange[1] * 1.1;
    findings.push({ check: 'step', level: inside ? 'ok' : 'warning', message: `median scan step ${step.toPrecision(3)} px; trained on ${fmtRange(t.stepRange, ' px')}${inside ? '' : ': outside the trained range'}` });
  }
  if (t.doseRange === null) {
    findings.push({ check: 'dose', level: 'ok', message: `dose ${dose.toPrecision(3)} photons per pattern; the model's card does not say which doses it was trained on` });
  } else {
    const insideDose = dose >= t.doseRange[0] / 1.1 && dose <= t.doseRange[1] * 1.1;
    findings.push({ check: 'dose', level: insideDose ? 'ok' : 'warning', message: `dose ${dose.toPrecision(3)} photons per pattern; trained on ${fmtRange(t.doseRange)}${insideDose ? '' : ': outside the trained range'}` });
  }
  const verdict = findings.some((f) => f.level === 'refusal') ? 'refuse' : findings.some((f) => f.level === 'warning') ? 'warn' : 'ok';
  return { verdict, findings, probeCorrelation: c, ...(step !== undefined ? { scanStep: step } : {}), scanDose: dose };
}

/**
 * The refusal of a compatibility check as an InputError (exit 2), naming the model and the scan.
 * @throws InputError when `compat.verdict` is `refuse`
 */
export function assertCompatible(compat: Compatibility, modelDir: string, file: string): void {
  if (compat.verdict !== 'refuse') return;
  const refusals = compat.findings.filter((f) => f.level === 'refusal');
  const first = refusals[0]!;
  throw new InputError(`the model in ${modelDir} cannot reconstruct this scan: ${first.message}`, {
    file, key: first.check === 'N' ? 'diff3d' : 'probeGuess',
    expected: first.check === 'N' ? 'the model\'s pattern size' : `a probe correlating ≥ ${PROBE_REFUSE_BELOW} with the model's`,
    actual: first.check === 'probe' ? `correlation ${compat.probeCorrelation?.toFixed(3)}` : first.message,
  }, refusals.map((f) => f.message));
}
