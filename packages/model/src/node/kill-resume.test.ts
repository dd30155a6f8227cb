import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileCheckpointStore } from '../node.js';

const CHILD = nodePath.join(import.meta.dirname, '../__fixtures__/train-child.mjs');
const tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'ptychojs-kill-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Run the training child; `killAfter` SIGKILLs it once it prints that line. */
function runChild(dir: string, mode: 'fresh' | 'resume', killAfter?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }> {
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (line === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, lines }));
  });
}

const history = (dir: string) => JSON.parse(fs.readFileSync(nodePath.join(dir, 'history.json'), 'utf8')) as unknown[];

describe('training killed with SIGKILL (cpu, a separate process; needs the built package)', () => {
  // Three processes (each loads tfjs) and 7 cpu steps: ~20 s alone, minutes on a loaded machine.
  it('resumes from the last checkpoint to the history of an uninterrupted run', { tags: ['slow'], timeout: 400_000 }, async () => {
    const whole = await runChild(nodePath.join(tmp, 'whole'), 'fresh');
    expect(whole.code).toBe(0);
    expect(whole.lines.at(-1)).toBe('done epochs');
    // Killed mid-epoch 1 (its first step done, epoch 0's checkpoint on disk): no chance to clean up.
    const dir = nodePath.join(tmp, 'killed');
    const killed = await runChild(dir, 'fresh', 'step 1 0');
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(nodePath.join(dir, 'history.json'))).toBe(false);
    expect((await fileCheckpointStore(nodePath.join(dir, 'checkpoint')).loadCheckpoint())?.epoch).toBe(1);
    const resumed = await runChild(dir, 'resume');
    expect(resumed.code).toBe(0);
    expect(resumed.lines[0]).toBe('step 1 0'); // epoch 1 is redone from its start
    // Same seed, same deterministic backend, Adam state and RNG position restored: identical floats.
    expect(history(dir)).toEqual(history(nodePath.join(tmp, 'whole')));
  });
});
