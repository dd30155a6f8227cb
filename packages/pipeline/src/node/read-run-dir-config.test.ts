import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunDirConfig } from './read-run-dir-config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-pipeline-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readRunDirConfig', () => {
  it('says a directory without config.json is not a finished run', () => {
    expect(() => readRunDirConfig(dir)).toThrow(/not a finished training run \(no config\.json\)/);
  });

  it('names the file when config.json is not JSON or not a run configuration', () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'config.json'), '{"format": "ptychojs-run",');
    expect(() => readRunDirConfig(bad)).toThrow(new RegExp(`${path.join(bad, 'config.json').replace(/[.]/g, '\\.')}: not valid JSON`));
    fs.writeFileSync(path.join(bad, 'config.json'), JSON.stringify({ format: 'ptychojs-run', version: 3 }));
    expect(() => readRunDirConfig(bad)).toThrow(/config\.json, key 'version': config.json is of a format version this ptychojs does not read; expected 1 or 2; got 3/);
  });
});
