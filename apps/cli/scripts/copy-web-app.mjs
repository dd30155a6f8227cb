// Copy the built web app (apps/web/dist) into dist/web, so that `ptycho view` serves it and a
// published CLI carries its viewer. The Nx build of @ptychojs/web runs first (dependsOn).
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const from = path.resolve(here, '../../web/dist');
const to = path.resolve(here, '../dist/web');
if (!fs.existsSync(path.join(from, 'index.html'))) {
  console.error(`copy-web-app: ${from}/index.html is missing; build @ptychojs/web first (npx nx run @ptychojs/web:build)`);
  process.exit(1);
}
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
