// A full disk during a checkpoint (issue 19): ENOSPC injected at each write call of a save in turn.
// The save fails naming the checkpoint directory, its partial copy is removed, and the previous
// checkpoint loads as it was and resumes training; the next save succeeds.
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups, type SimulatedGroups } from '../__fixtures__/simulate-groups.js';
import { train } from '../train/train.js';
import type { Checkpoint } from '../train/types.js';
import { fileCheckpointStore } from './file-checkpoint-store.js';

const tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'ptychojs-ckpt-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const realWriteSync = fs.writeSync;
const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const bytes = (ck: Checkpoint) => Buffer.from(new Uint8Array(ck.weights.weightData as ArrayBuffer));

describeEachBackend('fileCheckpointStore on a full disk', () => {
  const config = resolvedConfig({ nFiltersScale: 0.25, batchSize: 4, epochs: 2, validationFraction: 0.25, seed: 5 });
  let data: SimulatedGroups;
  const saved: Checkpoint[] = [];
  beforeAll(async () => {
    data = simulateGroups({ B: 8, seed: 4 });
    const r = await train(config, data, { store: { saveCheckpoint: async (c) => { saved.push(c); } } });
    r.model.dispose();
  });

  it('ENOSPC at any write of a save: the error names the checkpoint, the previous one loads unchanged and resumes, no partial copy stays', async () => {
    const [first, second] = saved as [Checkpoint, Checkpoint];
    const dir = nodePath.join(tmp, `run-${Math.random().toString(36).slice(2)}`, 'checkpoint');
    const store = fileCheckpointStore(dir);
    await store.saveCheckpoint(first);
    const count = vi.spyOn(fs, 'writeSync');
    await store.saveCheckpoint(second);
    const writes = count.mock.calls.length;
    count.mockRestore();
    expect(writes).toBeGreaterThanOrEqual(4); // weight shard(s), model.json, optimizer.bin, probe.bin, checkpoint.json
    await store.saveCheckpoint(first);
    const onDisk = fs.readdirSync(dir).sort();
    for (let failAt = 1; failAt <= writes; failAt++) {
      let k = 0;
      const spy = vi.spyOn(fs, 'writeSync').mockImplementation((...a: Parameters<typeof fs.writeSync>) => {
        if (++k >= failAt) throw ENOSPC();
        return realWriteSync(...a);
      });
      let caught: NodeJS.ErrnoException | undefined;
      try {
        await store.saveCheckpoint(second);
      } catch (e) {
        caught = e as NodeJS.ErrnoException;
      } finally {
        spy.mockRestore();
      }
      expect(caught?.code, `write ${failAt}`).toBe('ENOSPC');
      expect(caught?.path).toBe(dir);
      expect(fs.existsSync(`${dir}.tmp`), `write ${failAt}`).toBe(false);
      expect(fs.readdirSync(dir).sort()).toEqual(onDisk);
      const kept = await store.loadCheckpoint();
      expect(kept?.epoch).toBe(first.epoch);
      expect(bytes(kept!).equals(bytes(first))).toBe(true);
      expect(kept!.optimizer.map((a) => Array.from(a.data))).toEqual(first.optimizer.map((a) => Array.from(a.data)));
    }
    // The kept checkpoint resumes training; once there is space, the next save succeeds.
    const resumed = await train(config, data, { resume: (await store.loadCheckpoint())! });
    expect(resumed.history).toHaveLength(config.epochs);
    resumed.model.dispose();
    await store.saveCheckpoint(second);
    expect((await store.loadCheckpoint())?.epoch).toBe(second.epoch);
    expect(fs.readdirSync(nodePath.dirname(dir))).toEqual(['checkpoint']);
  });
}, ['wasm']);
