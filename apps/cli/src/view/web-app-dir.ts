import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';

/**
 * Where the built web app is: `dist/web` beside the CLI's compiled code (the CLI build copies
 * `apps/web/dist` there, so a published CLI carries its viewer), else the workspace's
 * `apps/web/dist` (running from sources).
 *
 * @throws InputError when neither holds an `index.html` (build the app first)
 */
export function webAppDir(): string {
  const here = import.meta.dirname;
  const candidates = [path.resolve(here, '../web'), path.resolve(here, '../../../web/dist')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!found) throw new InputError('the web app is not built', { expected: `index.html in ${candidates.join(' or ')}`, actual: 'absent (run: npx nx run @ptychojs/cli:build)' });
  return found;
}
