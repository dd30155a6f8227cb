import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PIPELINE_VERSION } from './version.js';

it('PIPELINE_VERSION is the package version (it is written into every run directory)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
  expect(PIPELINE_VERSION).toBe(pkg.version);
});
