import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeOutputDir } from './make-output-dir.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-outdir-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function errorOf(f: () => void): NodeJS.ErrnoException {
  try { f(); } catch (e) { return e as NodeJS.ErrnoException; }
  throw new Error('expected an error');
}

describe('makeOutputDir', () => {
  it('makes the directory and its missing parents; an existing one is fine', () => {
    const dir = path.join(tmp, 'a', 'b', 'c');
    makeOutputDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    makeOutputDir(dir);
  });

  it('a file where the directory or a parent should be: the error names the path', () => {
    const file = path.join(tmp, 'file');
    fs.writeFileSync(file, 'x');
    const same = errorOf(() => makeOutputDir(file));
    expect([same.code, same.path]).toEqual(['EEXIST', file]);
    const below = errorOf(() => makeOutputDir(path.join(file, 'sub')));
    expect([below.code, below.path]).toEqual(['ENOTDIR', path.join(file, 'sub')]);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it("removes a killed writer's temporary files, keeps everything else", () => {
    const dir = path.join(tmp, 'resumed');
    fs.mkdirSync(dir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(path.join(dir, `.summary.json.${dead}.x1y2.tmp`), '{"half');
    fs.writeFileSync(path.join(dir, 'summary.json'), '{}');
    makeOutputDir(dir);
    expect(fs.readdirSync(dir)).toEqual(['summary.json']);
  });
});
