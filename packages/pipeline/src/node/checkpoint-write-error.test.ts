import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointWriteError } from './checkpoint-write-error.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-ckerr-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
const enospc = (p: string) => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: p });

describe('checkpointWriteError', () => {
  it('a full disk while saving names the checkpoint and says whether a previous one is kept', () => {
    const dir = path.join(base, 'checkpoint');
    expect(checkpointWriteError(enospc(dir), dir)?.message).toBe(`${dir}: cannot write: no space left on device (ENOSPC); the checkpoint of this epoch was not saved, no checkpoint had been saved yet`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'checkpoint.json'), '{}');
    expect(checkpointWriteError(enospc(dir), dir)?.message).toBe(`${dir}: cannot write: no space left on device (ENOSPC); the checkpoint of this epoch was not saved, the previous checkpoint is kept: free space, then continue with --resume`);
  });

  it('leaves every other error alone', () => {
    const dir = path.join(base, 'checkpoint');
    expect(checkpointWriteError(enospc(path.join(base, 'model', 'model.json')), dir)).toBeUndefined();
    expect(checkpointWriteError(new Error('boom'), dir)).toBeUndefined();
  });
});
