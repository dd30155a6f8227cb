import { describe, expect, it } from 'vitest';
import { InputError, toRawData, type RawData } from '@ptychojs/io';
import { defaultProbe, defocusForRmsRadius, modelProbe, PROBE_REFUSE_BELOW, PROBE_WARN_BELOW, simulateScan } from '@ptychojs/physics';
import { assertCompatible, checkModelCompatibility } from './check-model-compatibility.js';
import { modelCardSchema } from './model-card.js';
import { parseModelCard } from './parse-model-card.js';
import { PRETRAINED_CARD as card } from '../__fixtures__/pretrained-card.js';

const probeOf = (rms: number) => defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, rms) });

function scanWith(rms: number, step = 4, nphotons = 1e6): RawData {
  const sim = simulateScan({ n: 64, object: { kind: 'grf', height: 90, width: 90 }, probe: { kind: 'array', array: probeOf(rms) }, scan: { kind: 'grid', step }, nphotons, seed: 2 });
  return toRawData({ ...sim.arrays }, `scan-rms${rms}.npz`);
}

const modelP = modelProbe(probeOf(15.5), 64).probe;

describe('checkModelCompatibility', () => {
  it('passes a scan taken with the model probe (any scale) inside the trained ranges', () => {
    const c = checkModelCompatibility(card, modelP, scanWith(15.5), 1e6);
    expect(c.verdict).toBe('ok');
    expect(c.probeCorrelation).toBeCloseTo(1, 6);
    expect(c.scanStep).toBeCloseTo(4, 6);
    expect(c.findings.map((f) => f.check)).toEqual(['N', 'probe', 'step', 'dose']);
  });

  it('warns between the thresholds, refuses below, saying what differs and how to fix it', () => {
    // Measured: rms 14 → 0.888 (between 0.5 and 0.9), rms 10 → 0.225.
    const warn = checkModelCompatibility(card, modelP, scanWith(14), 1e6);
    expect(warn.verdict).toBe('warn');
    expect(warn.probeCorrelation!).toBeGreaterThan(PROBE_REFUSE_BELOW);
    expect(warn.probeCorrelation!).toBeLessThan(PROBE_WARN_BELOW);
    expect(() => assertCompatible(warn, 'model/', 'scan.npz')).not.toThrow();
    const refuse = checkModelCompatibility(card, modelP, scanWith(10), 1e6);
    expect(refuse.verdict).toBe('refuse');
    const f = refuse.findings.find((x) => x.level === 'refusal')!;
    expect(f.message).toMatch(/correlates 0\.2\d\d with the model's.*, below 0\.5/);
    expect(f.message).toContain('ptycho pretrain --probe scan-rms10.npz');
    let err: unknown;
    try { assertCompatible(refuse, 'model/', 'scan-rms10.npz'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe('scan-rms10.npz');
    expect((err as InputError).key).toBe('probeGuess');
  });

  it('warns for a step or a dose outside the trained ranges (10% slack)', () => {
    const c = checkModelCompatibility(card, modelP, scanWith(15.5, 20), 5e9);
    expect(c.verdict).toBe('warn');
    expect(c.findings.find((f) => f.check === 'step')!.message).toMatch(/median scan step 20\.0 px; trained on \[2\.00, 16\.0\] px: outside/);
    expect(c.findings.find((f) => f.check === 'dose')!.level).toBe('warning');
    expect(checkModelCompatibility(card, modelP, scanWith(15.5, 17), 1.05e9).verdict).toBe('ok');
  });

  it('refuses another pattern size at once', () => {
    const c = checkModelCompatibility({ ...card, N: 128 }, modelP, scanWith(15.5), 1e6);
    expect(c.verdict).toBe('refuse');
    expect(c.findings).toHaveLength(1);
  });

  it('accepts a card of unknown ranges (an earlier directory) and says so', () => {
    const c = checkModelCompatibility({ ...card, training: { ...card.training, stepRange: null, doseRange: null } }, modelP, scanWith(15.5), 1e6);
    expect(c.verdict).toBe('ok');
    expect(c.findings.find((f) => f.check === 'step')!.message).toContain('does not say');
  });
});

describe('parseModelCard', () => {
  it('accepts a card and names the key of a bad one', () => {
    expect(parseModelCard(JSON.parse(JSON.stringify(card)), 'model-card.json')).toEqual(modelCardSchema.parse(card));
    expect(() => parseModelCard({ ...card, N: -1 }, 'model-card.json')).toThrow(/N/);
    expect(() => parseModelCard({ format: 'x' }, 'model-card.json')).toThrow(InputError);
  });
});
