import { describe, expect, it } from 'vitest';
import type { ScanData } from '@ptychojs/io';
import type { InferenceModel } from '@ptychojs/model';
import { reconstructWithModel } from './reconstruct-with-model.js';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';

describe('reconstructWithModel', () => {
  it('refuses a scan whose pattern size differs from the model\'s, naming file, key and both shapes', async () => {
    const raw = { source: 'scan128.npz', N: 128, M: 10 } as ScanData;
    const rc = { data: { N: 64 }, config: { gridsize: 1, K: 6, seed: 0 } } as unknown as RunDirConfig;
    await expect(reconstructWithModel({} as InferenceModel, rc, raw, { batchSize: 4 }))
      .rejects.toThrow("scan128.npz, key 'diff3d': pattern size differs from the one the model was trained on; expected 64×64 patterns (N = 64); got 128×128 patterns (N = 128)");
  });
});
