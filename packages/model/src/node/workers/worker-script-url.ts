import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The URL of the built `ptycho-worker.js` beside this module. Workers run JavaScript: when this
 * module itself runs from its TypeScript source (tests resolve workspace packages to `src/`), the
 * script is taken from the package's `dist/`, which must have been built.
 *
 * @throws Error naming the missing file when the package has not been built
 */
export function workerScriptUrl(): URL {
  const beside = new URL('./ptycho-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(beside))) return beside;
  const built = new URL(beside.href.replace(/\/src\/node\/workers\/ptycho-worker\.js$/, '/dist/node/workers/ptycho-worker.js'));
  if (built.href !== beside.href && fs.existsSync(fileURLToPath(built))) return built;
  throw new Error(`${fileURLToPath(built)} is missing: build @ptychojs/model first (npx nx run @ptychojs/model:build)`);
}
