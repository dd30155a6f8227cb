import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackendSkipReason } from '@ptychojs/physics/testing';
import { runPtycho, tempDir } from './run-ptycho.js';

// Issue 16: with native TensorFlow built (`npm run setup:native`; `.ci/run` builds it where the
// tensorflow-cpu wheel can be had and sets PTYCHO_TEST_TENSORFLOW=1), `--backend auto` picks it and
// `ptycho train` runs on it end to end. Agreement with cpu is in the model's backends-agree test.
const skip = testBackendSkipReason('tensorflow');
const tmp = tempDir();
afterAll(tmp.cleanup);

describe.skipIf(skip !== undefined)(`ptycho on the native tensorflow backend${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('auto picks tensorflow, names the TensorFlow it loaded, and trains on it; config.json stores it', () => {
    const data = path.join(tmp.dir, 'scan.npz');
    expect(runPtycho(['simulate', '--out', data, '--object-size', '96', '--seed', '3', '--quiet']).code).toBe(0);
    const out = path.join(tmp.dir, 'train');
    const r = runPtycho(['train', '--data', data, '--out', out, '--epochs', '1', '--n-groups', '24', '--batch-size', '8', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^backend: tensorflow \(@tensorflow\/tfjs-node(-gpu)? loaded \(TensorFlow \d+\.\d+\.\d+\)\)$/m);
    const res = JSON.parse(r.stdout);
    expect(res.backend.name).toBe('tensorflow');
    expect(Number.isFinite(res.finalLoss)).toBe(true);
    const cfg = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(cfg.backend.name).toBe('tensorflow');
    expect(cfg.backend.reason).toMatch(/TensorFlow \d/);
  });
});
