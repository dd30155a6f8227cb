// Publishability check for every stage package and the CLI: publint on each package directory
// (exports map, files, types). Run after `build`; exits non-zero on any error-level message.
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dirs = [...fs.readdirSync(path.join(root, 'packages')).map((d) => `packages/${d}`), 'apps/cli'];
let failed = 0;
for (const dir of dirs) {
  const pkgDir = path.join(root, dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const { messages } = await publint({ pkgDir, level: 'warning', strict: true });
  for (const m of messages) {
    console.error(`${pkg.name}: [${m.type}] ${formatMessage(m, pkg) ?? m.code}`);
  }
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'warning').length;
  failed += errors;
  console.error(`${pkg.name}: publint ${errors === 0 ? 'ok' : `${errors} problem(s)`}`);
}
process.exit(failed ? 1 : 0);
