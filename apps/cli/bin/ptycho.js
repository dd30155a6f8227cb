#!/usr/bin/env node
// The `ptycho` command: runs the built CLI (dist/main.js). In a source checkout that has not been
// built yet (right after `npm ci`), it builds the CLI and its packages once with Nx first, so
// `npx ptycho` works from the repository root straight away; a published package ships dist/.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(pkgDir, 'dist', 'main.js');

/** The Nx entry script of the checkout around this package, if there is one. */
function nxScript(root) {
  const pkg = path.join(root, 'node_modules', 'nx', 'package.json');
  if (!existsSync(path.join(root, 'nx.json')) || !existsSync(pkg)) return undefined;
  const bin = JSON.parse(readFileSync(pkg, 'utf8')).bin;
  const script = path.join(root, 'node_modules', 'nx', typeof bin === 'string' ? bin : bin?.nx ?? '');
  return existsSync(script) ? script : undefined;
}

if (!existsSync(main)) {
  const root = path.resolve(pkgDir, '..', '..');
  const nx = existsSync(path.join(pkgDir, 'src', 'main.ts')) ? nxScript(root) : undefined;
  if (nx === undefined) {
    process.stderr.write(`ptycho: ${main} is missing: this copy of @ptychojs/cli has not been built. In a source checkout, run \`npm run build\` at the repository root.\n`);
    process.exit(1);
  }
  process.stderr.write('ptycho: first run in this checkout: building the CLI and its packages (nx run @ptychojs/cli:build, about a minute on 2 cores)…\n');
  // Build output goes to stderr (fd 2) so that `--json` keeps stdout to one JSON document.
  const r = spawnSync(process.execPath, [nx, 'run', '@ptychojs/cli:build', '--outputStyle=static'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !existsSync(main)) {
    process.stderr.write(`ptycho: the build failed (exit ${r.status ?? r.signal}); fix it and run \`npm run build\` at the repository root.\n`);
    process.exit(1);
  }
}

const { runCli } = await import(pathToFileURL(main).href);
runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`internal error: ${e?.stack ?? String(e)}\n`); process.exitCode = 1; },
);
