#!/usr/bin/env node
// Makes the demo's pretrained model (issue 15): `ptycho pretrain` under the demo probe (the
// default probe defocused to an rms radius of 15.5 px, DEMO.probe of @ptychojs/pipeline), seeded,
// then copies the model directory into apps/cli/models/demo/ with its training log. Rerun it to
// reproduce the shipped model (same seed, same settings; the backend and the machine's speed decide
// how many epochs the time budget holds, so pass --n-patterns for an exact replay of another run).
//
//   npm run pretrain:demo -- [--minutes 60] [--work DIR] [-- <more ptycho pretrain flags>]
//   npm run pretrain:demo -- --ship-snapshot 30   # ship WORK/model/snapshots/30min of an earlier run instead
//
// Work happens in --work (default bench/out/pretrain-demo; an interrupted run resumes there).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fromComplexArray } from '@ptychojs/io';
import { writeNpzFile } from '@ptychojs/io/node';
import { defaultProbe } from '@ptychojs/physics';
import { DEMO } from '@ptychojs/pipeline';

const root = path.resolve(import.meta.dirname, '../../..');
const cliDir = path.resolve(import.meta.dirname, '..');
const cli = path.join(cliDir, 'dist/main.js');
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run pretrain:demo does)`);
const { values, positionals } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    work: { type: 'string', default: path.join(root, 'bench/out/pretrain-demo') },
    'ship-snapshot': { type: 'string' },
  },
  allowPositionals: true,
});

/** The settings of the shipped model; flags after `--` add to or override them. */
const SETTINGS = ['--seed', '0', '--max-minutes', values.minutes];

const logFile = path.join(values.work, 'pretrain.log');
let runDir = path.join(values.work, 'model');
if (values['ship-snapshot'] !== undefined) {
  // A snapshot (--snapshot-minutes) of an earlier run, e.g. where held-out quality had levelled off.
  runDir = path.join(runDir, 'snapshots', `${values['ship-snapshot']}min`);
  if (!fs.existsSync(path.join(runDir, 'config.json'))) throw new Error(`${runDir} is not a finished snapshot (no config.json)`);
  fs.appendFileSync(logFile, `# ${new Date().toISOString()} shipped the snapshot ${path.relative(root, runDir)}\n`);
} else {
  fs.mkdirSync(values.work, { recursive: true });
  const probeFile = path.join(values.work, 'demo-probe-rms15.5.npz');
  writeNpzFile(probeFile, { probeGuess: fromComplexArray(defaultProbe(64, { defocusPhase: DEMO.probe.defocusPhase }), 'c8') });
  const resume = fs.existsSync(path.join(runDir, 'checkpoint')) && !fs.existsSync(path.join(runDir, 'config.json'));
  if (fs.existsSync(path.join(runDir, 'config.json'))) fs.rmSync(runDir, { recursive: true });
  const args = [cli, 'pretrain', '--probe', probeFile, '--out', runDir, ...SETTINGS, ...(resume ? ['--resume'] : []), ...positionals];
  const log = fs.createWriteStream(logFile, { flags: resume ? 'a' : 'w' });
  log.write(`# ${new Date().toISOString()} node ${path.relative(root, args[0])} ${args.slice(1).map((a) => path.isAbsolute(a) ? path.relative(root, a) : a).join(' ')}\n`);
  process.stderr.write(`pretrain:demo: ${args.slice(1).join(' ')}\n`);
  const t0 = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? '2' } });
    child.stderr.on('data', (d) => { process.stderr.write(d); log.write(String(d).replace(/\r/g, '\n')); });
    child.on('close', resolve);
  });
  log.write(`# exit ${code} after ${((performance.now() - t0) / 60000).toFixed(1)} min\n`);
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) process.exit(code);
}

// Ship the model: every file inference and the card need, the log, not the checkpoint.
const dest = path.join(cliDir, 'models/demo');
const tmp = `${dest}.tmp`;
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
for (const f of ['model', 'config.json', 'model-card.json', 'probe.npz', 'history.json', 'loss.png'].filter((f) => fs.existsSync(path.join(runDir, f)))) fs.cpSync(path.join(runDir, f), path.join(tmp, f), { recursive: true });
// The log without progress-bar lines (each epoch's line stays).
const lines = fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => !/^epoch \d+ +\d+%/.test(l) && !/^\s*$/.test(l));
fs.writeFileSync(path.join(tmp, 'pretrain.log'), `${lines.join('\n')}\n`);
fs.rmSync(dest, { recursive: true, force: true });
fs.renameSync(tmp, dest);
process.stderr.write(`pretrain:demo: wrote ${path.relative(root, dest)}/\n`);
