import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { VERSION } from './version.js';

it('VERSION (ptycho --version) is the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
});
