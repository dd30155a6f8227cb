import fs from 'node:fs/promises';
import nodePath from 'node:path';
import { InputError } from '@ptychojs/io';
import { writeFileAtomic } from '@ptychojs/io/node';
import type { Checkpoint, CheckpointStore, NamedArray } from '../train/types.js';
import { fileModelHandler } from './file-model-handler.js';

/** A checkpoint store on a directory that can also read its checkpoint back. */
export interface FileCheckpointStore extends CheckpointStore {
  /** The saved checkpoint, or undefined when none was saved yet. */
  loadCheckpoint(): Promise<Checkpoint | undefined>;
}

/** The file of a checkpoint directory that holds its state (written last: the checkpoint exists once it does). */
export const CHECKPOINT_FILE = 'checkpoint.json';
const OPTIMIZER = 'optimizer.bin';
const PROBE = 'probe.bin';

interface ArraySpec { name: string; shape: number[]; dtype: 'float32' | 'int32'; byteOffset: number; length: number }

const exists = (p: string) => fs.access(p).then(() => true, () => false);

/**
 * Checkpoints in a directory (a run's `checkpoint/`, SPEC §3 "Run directory", resumable with
 * `--resume`): `model.json` + weight shards (the U-Net, as tfjs-layers artifacts),
 * `optimizer.bin` (Adam state), `probe.bin` (re then im, float32) and `checkpoint.json` (epoch,
 * config, history, schedule, RNG state, array layout, and for a mid-epoch checkpoint the step reached). A save is written whole into
 * `<dir>.tmp` and swapped in by renames (`dir` → `<dir>.old`, `<dir>.tmp` → `dir`), so a crash
 * leaves the previous checkpoint readable; `loadCheckpoint` falls back to `<dir>.old` if the
 * swap was interrupted. A save that fails while writing (a full disk: ENOSPC) removes its partial
 * copy and throws the file-system error with `path` set to `dir`; the previous checkpoint stays
 * loadable. On disk: one checkpoint at rest, two for the moment of a swap (bounded, however long
 * the run).
 */
export function fileCheckpointStore(dir: string): FileCheckpointStore {
  const tmp = `${dir}.tmp`;
  const old = `${dir}.old`;
  /** Every file of the checkpoint, into `tmp`. */
  const writeWhole = async (ck: Checkpoint): Promise<void> => {
    await fs.mkdir(tmp, { recursive: true });
    await fileModelHandler(tmp).save(ck.weights);
    let offset = 0;
    const specs: ArraySpec[] = ck.optimizer.map((a) => {
      const s = { name: a.name, shape: [...a.shape], dtype: a.dtype, byteOffset: offset, length: a.data.length };
      offset += a.data.byteLength;
      return s;
    });
    writeFileAtomic(nodePath.join(tmp, OPTIMIZER), ck.optimizer.map((a) => new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength)));
    const { probe, ...physics } = ck.physics;
    writeFileAtomic(nodePath.join(tmp, PROBE), [probe.re, probe.im].map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength)));
    const state = {
      format: ck.format, version: ck.version, epoch: ck.epoch, config: ck.config, optimizer: specs, adamBetaPowers: ck.adamBetaPowers,
      physics: { ...physics, probeShape: probe.shape, probeFile: PROBE }, history: ck.history, schedule: ck.schedule, rng: ck.rng, ...(ck.step ? { step: ck.step } : {}),
    };
    writeFileAtomic(nodePath.join(tmp, CHECKPOINT_FILE), JSON.stringify(state, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 1));
  };
  return {
    async saveCheckpoint(ck: Checkpoint): Promise<void> {
      await fs.rm(tmp, { recursive: true, force: true });
      try {
        await writeWhole(ck);
      } catch (e) {
        // A full disk (or any failed write) leaves the previous checkpoint as it was; the partial
        // copy is removed to give its space back, and the error names the checkpoint, not the copy.
        await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
        if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string') (e as NodeJS.ErrnoException).path = dir;
        throw e;
      }
      await fs.rm(old, { recursive: true, force: true });
      if (await exists(dir)) await fs.rename(dir, old);
      await fs.rename(tmp, dir);
      await fs.rm(old, { recursive: true, force: true });
    },

    async loadCheckpoint(): Promise<Checkpoint | undefined> {
      const from = (await exists(nodePath.join(dir, CHECKPOINT_FILE))) ? dir : (await exists(nodePath.join(old, CHECKPOINT_FILE))) ? old : undefined;
      if (from === undefined) return undefined;
      const statePath = nodePath.join(from, CHECKPOINT_FILE);
      const state = JSON.parse(await fs.readFile(statePath, 'utf8'), (_k, v: unknown) => (v === 'Infinity' ? Infinity : v)) as Record<string, unknown>;
      if (state['format'] !== 'ptychojs-checkpoint' || state['version'] !== 1) {
        throw new InputError('not a ptychojs checkpoint', { file: statePath, key: 'format', expected: 'ptychojs-checkpoint v1', actual: `${String(state['format'])} v${String(state['version'])}` });
      }
      const weights = await fileModelHandler(from).load();
      const optBytes = await fs.readFile(nodePath.join(from, OPTIMIZER));
      const optimizer: NamedArray[] = (state['optimizer'] as ArraySpec[]).map((s) => {
        const bytes = optBytes.subarray(s.byteOffset, s.byteOffset + s.length * 4);
        if (bytes.byteLength !== s.length * 4) throw new InputError('optimizer.bin is truncated', { file: nodePath.join(from, OPTIMIZER), key: s.name, expected: `${s.length * 4} bytes at ${s.byteOffset}`, actual: `${bytes.byteLength}` });
        const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        return { name: s.name, shape: s.shape, dtype: s.dtype, data: s.dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy) };
      });
      const physics = state['physics'] as { probeShape: number[]; probeFile: string; logScale: number; intensityScale: number; canvasSize: number; N: number };
      const probeBytes = await fs.readFile(nodePath.join(from, physics.probeFile));
      const n = physics.probeShape.reduce((a, b) => a * b, 1);
      if (probeBytes.byteLength !== 8 * n) throw new InputError('probe.bin has the wrong size', { file: nodePath.join(from, physics.probeFile), expected: `${8 * n} bytes`, actual: `${probeBytes.byteLength}` });
      const pbuf = probeBytes.buffer.slice(probeBytes.byteOffset, probeBytes.byteOffset + probeBytes.byteLength);
      const { probeShape, probeFile: _f, ...rest } = physics;
      return {
        ...(state as unknown as Omit<Checkpoint, 'weights' | 'optimizer' | 'physics'>),
        weights, optimizer,
        physics: { ...rest, probe: { shape: probeShape, re: new Float32Array(pbuf, 0, n), im: new Float32Array(pbuf, 4 * n, n) } },
      };
    },
  };
}
