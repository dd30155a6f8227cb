#!/usr/bin/env node
// `npm run setup:native`: build the `tensorflow` backend (@tensorflow/tfjs-node) against the
// TensorFlow C library shipped in the `tensorflow-cpu` Python wheel, with no download from
// Google: only the pip index and the npm registry (issue 16; ../shared/notes/tfjs-lab.md §5b).
//
//   1. the library: `pip download tensorflow-cpu==2.21.0 --no-deps`, of which only
//      libtensorflow_cc.so.2, libtensorflow_framework.so.2 and the 14 C headers the binding
//      includes are kept, in a cache outside the repository (815 MB, shared by every clone):
//      $PTYCHO_NATIVE_CACHE, else $XDG_CACHE_HOME/ptychojs/native, else ~/.cache/ptychojs/native;
//   2. @tensorflow/tfjs-node, the version of the repository's tfjs-core, into node_modules with
//      `npm install --no-save --ignore-scripts` (its install script would download libtensorflow
//      2.9.1 from Google and fail offline; package.json and the lockfile are left unchanged);
//   3. its addon, built once from source with its own node-pre-gyp (g++, make, python3, Node's
//      headers) and cached beside the library; deps/lib links to the cached library.
//
// Then `--backend auto` picks `tensorflow`. `npm ci` removes node_modules, so run this again after
// it (a few seconds once the cache is filled). Linux x86-64 only: the wheel is built for it.
//
// Options: --force (rebuild the addon), --check (only report whether the backend loads).
// Exit status: 0 ready; 3 unavailable on this machine, with the reason (platform, python/pip, the
// wheel, a compiler): CI then skips the native tests by name; 1 anything else (a real failure).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nativeCacheDir } from './native-cache-dir.mjs';

const TF_VERSION = '2.21.0';
const WHEEL = `tensorflow-cpu==${TF_VERSION}`;
/** What the binding needs of the wheel: the two libraries and the headers it includes (g++ -M). */
const WHEEL_MEMBERS = [
  'tensorflow/libtensorflow_cc.so.2',
  'tensorflow/libtensorflow_framework.so.2',
  'tensorflow/include/tensorflow/c/*',
  'tensorflow/include/tensorflow/core/platform/ctstring*',
  'tensorflow/include/tsl/platform/ctstring*',
  'tensorflow/include/xla/tsl/c/*',
];
/** deps/lib names → cached library: the sonames the addon loads and the names binding.gyp links (-ltensorflow -ltensorflow_framework). */
const LIB_LINKS = {
  'libtensorflow_cc.so.2': 'libtensorflow_cc.so.2',
  'libtensorflow.so': 'libtensorflow_cc.so.2',
  'libtensorflow.so.2': 'libtensorflow_cc.so.2',
  'libtensorflow_framework.so.2': 'libtensorflow_framework.so.2',
  'libtensorflow_framework.so': 'libtensorflow_framework.so.2',
};

// The npm project to set up: the one `npm run` runs in, else the current directory (so another
// checkout can use this script by its path: `cd OTHER && node /path/to/tools/setup-native.mjs`).
const root = path.resolve(process.env.npm_config_local_prefix || process.cwd());
const args = new Set(process.argv.slice(2));
const t0 = performance.now();
const say = (msg) => process.stderr.write(`setup:native: ${msg}\n`);
const seconds = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

class Unavailable extends Error {}

/** Run a command; @returns its stdout. @throws Error with the command's last output lines when it fails. */
function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}:\n${tail}`);
  }
  return r.stdout;
}

/** Whether `cmd` can be run (found on PATH). */
function has(cmd, argv = ['--version']) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** The library directory in the cache, filled from the wheel once. */
function ensureLibrary(cache) {
  const dir = path.join(cache, `tensorflow-cpu-${TF_VERSION}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  const python = ['python3', 'python'].find((p) => has(p, ['-m', 'pip', '--version']));
  if (!python) throw new Unavailable('no python3 with pip to fetch the tensorflow-cpu wheel');
  const tmp = fs.mkdtempSync(path.join(cache, 'download-'));
  try {
    say(`fetching ${WHEEL} from the pip index …`);
    try {
      run(python, ['-m', 'pip', 'download', WHEEL, '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-d', tmp]);
    } catch (e) {
      throw new Unavailable(`pip cannot get ${WHEEL} here (${e.message.split('\n').filter(Boolean).pop()})`);
    }
    const wheel = fs.readdirSync(tmp).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download left no wheel in ${tmp}`);
    say(`unpacking the C library from ${wheel} …`);
    fs.rmSync(dir, { recursive: true, force: true });
    const unpack = [
      'import fnmatch, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'pats = sys.argv[3:]',
      'names = [n for n in z.namelist() if any(fnmatch.fnmatch(n, p) for p in pats)]',
      'z.extractall(sys.argv[2], names)',
      'print(len(names))',
    ].join('\n');
    const n = Number(run(python, ['-c', unpack, path.join(tmp, wheel), dir, ...WHEEL_MEMBERS]).trim());
    for (const lib of ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2']) {
      if (!fs.existsSync(path.join(dir, 'tensorflow', lib))) throw new Error(`${wheel} has no tensorflow/${lib}: not the TensorFlow ${TF_VERSION} CPU wheel this script expects`);
    }
    fs.writeFileSync(done, `${wheel}\n${n} files\n`);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** @tensorflow/tfjs-node in node_modules, the version of the installed tfjs-core; @returns its directory. */
function ensurePackage() {
  const require = createRequire(path.join(root, 'package.json'));
  let coreVersion;
  try {
    coreVersion = require('@tensorflow/tfjs-core/package.json').version;
  } catch {
    throw new Error('node_modules has no @tensorflow/tfjs-core: run `npm ci` first');
  }
  const dir = path.join(root, 'node_modules', '@tensorflow', 'tfjs-node');
  const pkgJson = path.join(dir, 'package.json');
  const installed = fs.existsSync(pkgJson) ? JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version : undefined;
  if (installed !== coreVersion) {
    say(`npm install --no-save --ignore-scripts @tensorflow/tfjs-node@${coreVersion} …`);
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    run(npm[0], [...npm[1], 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `@tensorflow/tfjs-node@${coreVersion}`], { cwd: root });
  }
  return dir;
}

/** Point deps/lib at the cached library and deps/include at its headers. */
function fillDeps(pkgDir, libDir) {
  const lib = path.join(pkgDir, 'deps', 'lib');
  fs.rmSync(path.join(pkgDir, 'deps'), { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  for (const [name, target] of Object.entries(LIB_LINKS)) fs.symlinkSync(path.join(libDir, 'tensorflow', target), path.join(lib, name));
  fs.cpSync(path.join(libDir, 'tensorflow', 'include'), path.join(pkgDir, 'deps', 'include'), { recursive: true });
}

/** Where tfjs-node looks for its addon (node-pre-gyp's choice of N-API version for this Node). */
function addonPath(pkgDir) {
  const require = createRequire(path.join(pkgDir, 'package.json'));
  return require('@mapbox/node-pre-gyp').find(path.join(pkgDir, 'package.json'));
}

/** The addon: from the cache, else built from source and cached. */
function ensureAddon(pkgDir, cache) {
  const target = addonPath(pkgDir);
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const key = `tfjs-node-${version}-tf-${TF_VERSION}-${path.basename(path.dirname(target))}-${process.platform}-${process.arch}`;
  const cached = path.join(cache, 'addon', key, path.basename(target));
  if (!fs.existsSync(cached) || args.has('--force')) {
    const missing = ['g++', 'make'].filter((c) => !has(c));
    if (missing.length) throw new Unavailable(`${missing.join(' and ')} not found: the addon is compiled from source`);
    const env = { ...process.env };
    // Node's own headers when they are installed beside it (distribution packages, official
    // tarballs); otherwise node-gyp fetches them from nodejs.org.
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
    say(`compiling the tfjs-node addon against TensorFlow ${TF_VERSION} (about a minute) …`);
    const preGyp = createRequire(path.join(pkgDir, 'package.json')).resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
    run(process.execPath, [preGyp, 'install', '--build-from-source'], { cwd: pkgDir, env });
    if (!fs.existsSync(target)) throw new Error(`the build left no addon at ${target}`);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(target, `${cached}.tmp`);
    fs.renameSync(`${cached}.tmp`, cached);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(cached, target);
  }
}

/** Load the backend in a fresh process and run one op; @returns `TensorFlow <version>`. */
function check() {
  const probe = [
    "const tf = require('@tensorflow/tfjs-node');",
    'const s = tf.tensor1d([1, 2, 3]).square().sum().dataSync()[0];',
    "if (tf.getBackend() !== 'tensorflow' || s !== 14) throw new Error(`backend ${tf.getBackend()}, Σx² = ${s}`);",
    'process.stdout.write(tf.backend().binding.TF_Version);',
  ].join('\n');
  return `TensorFlow ${run(process.execPath, ['-e', probe], { cwd: root, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } })}`;
}

try {
  if (args.has('--check')) {
    say(`${check()} loads as backend 'tensorflow'`);
    process.exit(0);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Unavailable(`the tensorflow-cpu wheel's library is for linux-x64, not ${process.platform}-${process.arch}; with internet, \`npm i @tensorflow/tfjs-node\` instead`);
  }
  const cache = nativeCacheDir();
  fs.mkdirSync(cache, { recursive: true });
  const libDir = ensureLibrary(cache);
  const pkgDir = ensurePackage();
  fillDeps(pkgDir, libDir);
  ensureAddon(pkgDir, cache);
  say(`${check()} loads as backend 'tensorflow' (library cache ${libDir}); ${seconds()}`);
  say('`--backend auto` now picks it; `npm ci` removes it: run `npm run setup:native` again after one');
} catch (e) {
  if (e instanceof Unavailable) {
    say(`unavailable here: ${e.message}`);
    process.exit(3);
  }
  say(`failed: ${e.message}`);
  process.exit(1);
}
