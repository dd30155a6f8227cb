import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPtycho, startPtycho, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

// Tiny training on wasm: 24 groups, 1 held out, 3 steps of 8 per epoch, 2 epochs.
const TINY = ['--epochs', '2', '--filters-scale', '0.25', '--n-groups', '24', '--batch-size', '8', '--gridsize', '2', '--backend', 'wasm', '--seed', '3'];
type Record = { [k: string]: unknown };
const history = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'history.json'), 'utf8')) as Record[]).map(({ seconds: _s, samplesPerSec: _p, ...r }) => r);
const data = path.join(tmp.dir, 'scan.npz');

describe('ptycho train interrupted by a signal (issue 9)', () => {
  beforeAll(() => {
    const r = runPtycho(['simulate', '--out', data, '--seed', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('SIGINT: saves a mid-epoch checkpoint, exits 130, and --resume gives the uninterrupted history', async () => {
    const whole = runPtycho(['train', '--data', data, '--out', path.join(tmp.dir, 'whole'), ...TINY, '--workers', '1'], { timeoutMs: 240_000 });
    expect(whole.code, whole.stderr).toBe(0);

    const out = path.join(tmp.dir, 'cut');
    const run = startPtycho(['train', '--data', data, '--out', out, ...TINY, '--workers', '1']);
    await run.stderrLine(/^epoch 1:/);
    run.child.kill('SIGINT');
    const cut = await run.done;
    expect(cut.code, cut.stderr).toBe(130);
    expect(cut.stderr).toMatch(/training interrupted \(SIGINT\) after step \d of 3 in epoch 2; checkpoint saved in .*checkpoint: continue with --resume/);
    expect(fs.existsSync(path.join(out, 'config.json'))).toBe(false); // not a finished run
    const ck = JSON.parse(fs.readFileSync(path.join(out, 'checkpoint', 'checkpoint.json'), 'utf8')) as { epoch: number; step?: { batch: number } };
    expect(ck.epoch).toBe(1);
    expect(ck.step?.batch).toBeGreaterThanOrEqual(1);

    const resumed = runPtycho(['train', '--data', data, '--out', out, ...TINY, '--workers', '1', '--resume'], { timeoutMs: 240_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    // Same seed, backend and operations, the RNG position and Adam state restored: identical floats.
    expect(history(out)).toEqual(history(path.join(tmp.dir, 'whole')));
  });

  it('SIGTERM with two workers: exits 143, resumes, and agrees with one thread to float32 tolerance', async () => {
    const out = path.join(tmp.dir, 'term');
    const run = startPtycho(['train', '--data', data, '--out', out, ...TINY, '--workers', '2']);
    await run.stderrLine(/^epoch 1:/);
    run.child.kill('SIGTERM');
    const cut = await run.done;
    expect(cut.code, cut.stderr).toBe(143);
    const resumed = runPtycho(['train', '--data', data, '--out', out, ...TINY, '--workers', '2', '--resume', '--json'], { timeoutMs: 240_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((JSON.parse(resumed.stdout) as { workers: number }).workers).toBe(2);
    expect((JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8')) as { workers: number }).workers).toBe(2);
    // Shards of 4 and 4 groups, gradients summed across workers: other float32 rounding. The loss
    // here is ~2e6 (a sum over 400k counts) and differed by 2.4e-5 relative after 9 steps (measured);
    // a wrong shard weighting or replicas out of step differ by far more.
    const [a, b] = [history(out), history(path.join(tmp.dir, 'whole'))];
    expect(a).toHaveLength(b.length);
    a.forEach((r, i) => expect(Math.abs((r['loss'] as number) - (b[i]!['loss'] as number))).toBeLessThan(1e-4 * Math.abs(b[i]!['loss'] as number)));
  });

  it('refuses a --workers value that is not a positive integer, naming the flag', () => {
    const r = runPtycho(['train', '--data', data, '--out', path.join(tmp.dir, 'bad'), ...TINY, '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/key '--workers'/);
  });
});
