import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPtycho, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('ptycho view', () => {
  it('refuses a path that is not a folder, and a bad --port, with exit 2 and the reason', () => {
    const file = path.join(tmp.dir, 'scan.npz');
    fs.writeFileSync(file, 'x');
    const notDir = runPtycho(['view', file]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain(`error: ${file}: not a folder; expected a folder of results or scans; got a file`);
    const missing = runPtycho(['view', path.join(tmp.dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope: not a folder; .*got absent/);
    const port = runPtycho(['view', tmp.dir, '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("key '--port': invalid port; expected an integer 0…65535; got 70000");
  });
});
