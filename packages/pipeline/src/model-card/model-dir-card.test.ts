import { describe, expect, it } from 'vitest';
import { fromComplexArray, InputError } from '@ptychojs/io';
import { resolveRunConfig, type EpochRecord } from '@ptychojs/model';
import { defaultProbe, defocusForRmsRadius } from '@ptychojs/physics';
import { parseRunDirConfig } from '../run-dir/parse-run-dir-config.js';
import { reportHtml } from '../report/report-html.js';
import { modelCardWords } from './model-card-words.js';
import { modelDirCard } from './model-dir-card.js';
import { probeFingerprint } from './probe-fingerprint.js';
import { PRETRAINED_CARD as card } from '../__fixtures__/pretrained-card.js';

/** config.json of a trained run (as trainToRunDir writes it), at 1e6 photons. */
const runConfig = parseRunDirConfig(JSON.parse(JSON.stringify({
  format: 'ptychojs-run', version: 1, ptychojs: '0.1.0', tfjs: '4.22.0', config: resolveRunConfig({ gridsize: 1, epochs: 2, nphotons: 1e6, objectExtent: 'full', seed: 5 }),
  data: { file: 'scan.npz', M: 64, N: 64, groups: 64 }, N: 64, gridsize: 1, K: 6, alpha: 0.032, intensityScale: 20.7,
  intensityScaleSource: 'objectGuess', probeScale: 64.1, probeSource: 'probeGuess of scan.npz, scaled to Σ|P|² = N²', canvasSize: 82,
  backend: { name: 'wasm', reason: 'test' }, nphotonsSource: 'metadata',
  objectExtent: { extent: 'full', outsideFraction: 0.27, source: 'auto', reason: 'test' }, stopReason: 'epochs', epochs: 2, seconds: 90, notes: [],
})), 'run/config.json');
const probe = defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, 15.5) });
const probeFile = { file: 'run/probe.npz', arrays: { probeGuess: fromComplexArray(probe) } };
const epoch = (e: number, patterns: number): EpochRecord => ({ epoch: e, loss: 1, nll: 1, mae: 0, tv: 0, realspace: 0, valLoss: null, lr: 1e-3, seconds: 45, samplesPerSec: 10, patterns });


describe('modelDirCard', () => {
  it('reads model-card.json when the directory has one', () => {
    const d = modelDirCard({ runConfig, probe: probeFile, card: { file: 'run/model-card.json', value: JSON.parse(JSON.stringify(card)) } });
    expect(d.stored).toBe(true);
    expect(d.card).toEqual(card);
    expect(d.probe.re).toEqual(probe.re);
  });

  it('derives the card of an earlier directory from config.json, history.json and probe.npz: steps unknown, the run\'s one dose', () => {
    const d = modelDirCard({ runConfig, probe: probeFile, history: [epoch(0, 48), epoch(1, 48)] });
    expect(d.stored).toBe(false);
    expect(d.card.kind).toBe('trained');
    expect(d.card.training.data).toEqual(['scan.npz']);
    expect(d.card.training.stepRange).toBeNull();
    expect(d.card.training.doseRange).toEqual([1e6, 1e6]);
    expect(d.card.training.patternsSeen).toBe(96);
    expect(d.card.training.seed).toBe(5);
    expect(d.card.probe.fingerprint).toBe(probeFingerprint(probe));
    // The probe was made with an rms radius of 15.5 px (defocusForRmsRadius solves for it).
    expect(d.card.probe.rmsRadius).toBeCloseTo(15.5, 3);
  });

  it('names probe.npz and its key when the model probe is missing, and model-card.json and the key of a bad card', () => {
    let err: unknown;
    try { modelDirCard({ runConfig, probe: { file: 'run/probe.npz', arrays: {} } }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    expect([(err as InputError).file, (err as InputError).key]).toEqual(['run/probe.npz', 'probeGuess']);
    expect(() => modelDirCard({ runConfig, probe: probeFile, card: { file: 'run/model-card.json', value: { ...card, N: 'big' } } })).toThrow(/run\/model-card\.json, key 'N'/);
  });
});

describe('modelCardWords', () => {
  it('says what the model was trained on and how well it did, and the report shows it escaped before the fields', () => {
    const words = modelCardWords(card);
    expect(words).toBe('Pretrained on scans simulated under probeGuess of <demo>.npz (rms radius 15.5 px, 27.0% of its energy outside the central square): '
      + 'lines, grf objects, steps 2.00–16.0 px, doses 1.00e+4–1.00e+9 photons per pattern; 1000 patterns in 3 epochs, 1.0 min on wasm. '
      + 'U-Net f = 0.5, gridsize 1, extent full. On held-out simulated scans: SSIM 0.500 (amplitude), 0.400 (phase).');
    const derived = modelCardWords(modelDirCard({ runConfig, probe: probeFile, history: [epoch(0, 48)] }).card);
    expect(derived).toMatch(/^Trained on measured scans taken with probeGuess of scan\.npz, scaled to Σ\|P\|² = N² .*steps unknown, doses 1\.00e\+6–1\.00e\+6 photons per pattern; 48 patterns in 2 epochs, 1\.5 min on wasm\./);
    expect(derived).not.toContain('held-out');
    const html = reportHtml({ title: 't', images: [], summary: {}, config: {}, modelCard: card });
    expect(html).toContain('<h2>Model card</h2>\n<p>Pretrained on scans simulated under probeGuess of &lt;demo&gt;.npz (rms radius');
    expect(html.indexOf('SSIM 0.500 (amplitude)')).toBeLessThan(html.indexOf('<table class="kv model-card">'));
  });
});
