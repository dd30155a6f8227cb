import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProbe, defocusForRmsRadius } from '@ptychojs/physics';
import { useBackend } from '@ptychojs/physics/node';
import type { EpochRecord } from '@ptychojs/model';
import { pretrainRunConfig } from '../pretrain/pretrain-run-config.js';
import { resolvePretrainSpec } from '../pretrain/pretrain-spec.js';
import { silentReporter } from '../__fixtures__/silent-reporter.js';
import { TrainingInterruptedError } from '../training-interrupted-error.js';
import { pretrainToDir } from './pretrain-to-dir.js';
import { readModelCard } from './read-model-card.js';
import { readTrainingHistory } from './read-training-history.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-pretrain-'));
beforeAll(async () => { await useBackend('wasm'); });
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const probe = defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, 15.5) });
/** Tiny pretraining: two epochs of ~32 patterns from small scans, one validation scan, the smallest U-Net. */
const spec = resolvePretrainSpec(64, { patternsPerEpoch: 32, positionsPerScan: 16, validationScans: 1, families: ['grf'] });
const config = pretrainRunConfig({ nFiltersScale: 0.125, batchSize: 8, epochs: 2, maxMinutes: undefined, seed: 3 });
const opts = { backend: { name: 'wasm', reason: 'test' }, reporter: silentReporter, probeSource: 'test probe' };
const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);

describe('pretrainToDir (issue 15)', () => {
  // Three tiny pretrainings (~10 s of CPU on an idle machine); the timeout leaves room for a loaded CI.
  it('writes a model directory with its card, and resumes an interrupted pretraining to the same history', { tags: ['slow'], timeout: 600_000 }, async () => {
    const full = path.join(tmp, 'full');
    const res = await pretrainToDir(probe, spec, config, full, { ...opts, resume: false });
    expect(res.history).toHaveLength(2);
    for (const f of ['model/model.json', 'probe.npz', 'history.json', 'loss.png', 'model-card.json', 'config.json']) expect(fs.existsSync(path.join(full, f))).toBe(true);
    const { card, stored } = readModelCard(full);
    expect(stored).toBe(true);
    expect(card.kind).toBe('pretrained');
    expect(card.training.families).toEqual(['grf']);
    expect(card.training.stepRange).toEqual([2, 16]);
    expect(card.training.patternsSeen).toBe(res.history.reduce((n, r) => n + r.patterns!, 0));
    expect(card.training.patternsSeen).toBeGreaterThanOrEqual(64);
    // Scored against the held-out scan's truth every epoch; the card holds the last scores.
    expect(res.history.every((r) => r.scores!['amp_ssim']! > -1 && r.scores!['amp_ssim']! <= 1)).toBe(true);
    expect(card.validation).toEqual(res.history.at(-1)!.scores);
    expect(card.probe.rmsRadius).toBeCloseTo(15.5, 3);

    // Interrupted after the first step of epoch 2, then resumed: the same history as uninterrupted.
    const cut = path.join(tmp, 'cut');
    const abort = new AbortController();
    let steps = 0;
    const first = pretrainToDir(probe, spec, config, cut, { ...opts, resume: false, signal: abort.signal, reporter: { ...silentReporter, progress: () => ({ update: () => { if (++steps === 6) abort.abort('test'); }, setTotal() {}, stop() {} }) } });
    await expect(first).rejects.toBeInstanceOf(TrainingInterruptedError);
    expect(fs.existsSync(path.join(cut, 'config.json'))).toBe(false);
    const resumed = await pretrainToDir(probe, spec, config, cut, { ...opts, resume: true });
    expect(strip(resumed.history)).toEqual(strip(readTrainingHistory(full)));
  });
});
