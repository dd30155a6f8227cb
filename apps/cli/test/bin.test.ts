import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './run-ptycho.js';

const BIN = path.resolve(import.meta.dirname, '../bin/ptycho.js');
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('bin/ptycho.js (the installed `ptycho` command)', () => {
  it('runs the built CLI: --help exits 0 with the usage on stdout (pipe it to less); a usage error goes to stderr', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Usage: ptycho');
    expect(r.stderr).toBe('');
    const bad = spawnSync(process.execPath, [BIN, 'no-such-command'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("unknown command 'no-such-command'");
  });

  it('says how to build when dist/ is missing outside a source checkout, instead of failing obscurely', () => {
    const bin = path.join(tmp.dir, 'node_modules/@ptychojs/cli/bin/ptycho.js');
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.copyFileSync(BIN, bin);
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/dist\/main\.js is missing: .*not been built.*npm run build/);
  });
});
