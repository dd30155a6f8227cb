/**
 * `ptycho simulate`: make a dataset in the raw-NPZ contract (SPEC §3): an object, a probe, a scan
 * and Poisson-noisy far-field amplitudes, with `objectGuess` for evaluation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, SUPPORTED_N, toComplexArray, toFloat64Array, memoryScanSource } from '@ptychojs/io';
import { readNpzFile, writeNpzFile } from '@ptychojs/io/node';
import { checkScan, usableScan } from '@ptychojs/pipeline';
import { makeOutputDir } from '@ptychojs/pipeline/node';
import { defocusForRmsRadius, simulateScan, type ObjectSpec, type ProbeSpec, type ScanSpec } from '@ptychojs/physics';
import { addScanOptions, printScanFindings, type ScanFlags } from '../scan-options.js';
import { createUi, fmt } from '../ui.js';

interface SimulateFlags extends ScanFlags {
  object: string; probe: string; scan: string; step?: string; count?: string; objectSize?: string; lines?: string;
  probeRms?: string; probeDefocus?: string;
  n: string; nphotons: string; noise: string; seed: string; out: string; json?: boolean; quiet?: boolean;
}

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description('simulate a ptychographic scan (object, probe, positions, Poisson noise) as a raw NPZ with objectGuess')
    .requiredOption('--out <file>', 'output NPZ')
    .option('--object <kind>', "'lines', 'lines-pinn' (PtychoPINN's blurred-lines recipe, phase from the amplitude), 'grf' or 'from:FILE.npz' (its objectGuess)", 'lines')
    .option('--lines <n>', "number of lines ('lines': default (H + W)/10; 'lines-pinn': default PtychoPINN's density, 400 on a 392² object)")
    .option('--probe <kind>', "'default' (defocused disk aperture) or 'from:FILE.npz' (its probeGuess)", 'default')
    .option('--probe-rms <px>', "size of the default probe: its rms radius in pixels (the defocus is solved for; 12.8 at N = 64 by default, 15.5 spreads 27% of the energy outside the central N/2 square)")
    .option('--probe-defocus <rad>', 'defocus of the default probe: pupil-edge phase in radians (default 0.9·R, R = N/4 the pupil radius)')
    .option('--scan <kind>', "'grid', 'jitter', 'random', 'spiral' or 'from:FILE.npz' (its xcoords/ycoords)", 'jitter')
    .option('--step <px>', 'scan step in pixels (grid, jitter, spiral; default N/16)')
    .option('--count <n>', 'number of positions (random; optional cap for spiral)')
    .option('--object-size <HxW>', 'object size in pixels, e.g. 160 or 200x240 (default 2.5·N)')
    .option('--n <N>', `pattern side, one of ${SUPPORTED_N.join(', ')}`, '64')
    .option('--nphotons <p>', 'mean total counts per pattern', '1e6')
    .option('--noise <model>', "'poisson' or 'none' (noise-free amplitude at the same dose)", 'poisson')
    .option('--seed <n>', 'random seed (object, scan and noise streams)', '0');
  addScanOptions(cmd, { diffraction: false })
    .option('--json', 'print a summary as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action((flags: SimulateFlags) => {
      const ui = createUi(flags);
      const n = intFlag(flags.n, '--n');
      if (!(SUPPORTED_N as readonly number[]).includes(n)) throw new InputError('unsupported pattern size', { key: '--n', expected: SUPPORTED_N.join('|'), actual: String(n) });
      const nphotons = Number(flags.nphotons);
      if (!(nphotons > 0) || !Number.isFinite(nphotons)) throw new InputError('photon count must be a positive number', { key: '--nphotons', expected: '> 0', actual: flags.nphotons });
      if (flags.noise !== 'poisson' && flags.noise !== 'none') throw new InputError('unknown noise model', { key: '--noise', expected: 'poisson|none', actual: flags.noise });
      const seed = intFlag(flags.seed, '--seed');
      refuseOverwritingInputs(flags);
      const object = objectSpec(flags);
      const probe = probeSpec(flags, n);
      const scan = scanSpec(flags, n);
      let bar: ReturnType<typeof ui.progress> | undefined;
      const t0 = performance.now();
      const sim = simulateScan({
        n, object, probe, scan, nphotons, noise: flags.noise, seed,
        onProgress: (done, total) => {
          if (total >= 2000 && !bar) bar = ui.progress('simulate', total, 'patterns');
          if (bar && (done % 64 === 0 || done === total)) bar.update(done);
        },
      });
      bar?.stop();
      // The simulated scan is checked as any scan is (positions inside the object) before it is written.
      const checked = usableScan(checkScan(memoryScanSource({ ...sim.arrays }, flags.out), { command: 'simulate', strict: Boolean(flags.strict) }));
      printScanFindings(ui, { warnings: checked.warnings });
      makeOutputDir(path.dirname(path.resolve(flags.out)));
      writeNpzFile(flags.out, { ...sim.arrays });
      const m = sim.metadata;
      const defocus = probe.kind === 'default' ? probe.defocusPhase ?? 0.9 * (n / 4) : undefined;
      const summary = {
        out: flags.out, M: m.M, N: m.N, object: m.object, objectShape: m.object_shape, probe: m.probe,
        probeRmsRadius: m.probe_rms_radius, probeEnergyOutsideCentre: m.probe_energy_outside_centre, ...(defocus === undefined ? {} : { probeDefocus: defocus }),
        scan: m.scan, nphotons, meanCounts: sim.meanCounts, noise: m.noise, seed, seconds: (performance.now() - t0) / 1000, warnings: checked.warnings,
      };
      ui.result(summary);
      ui.info(`wrote ${flags.out}: M = ${m.M} patterns of ${m.N}×${m.N}, object ${m.object} ${m.object_shape.join('×')}, probe ${m.probe}, scan ${m.scan}, mean counts ${fmt(sim.meanCounts)} (${m.noise} noise), seed ${seed}`);
      ui.info(`probe: rms radius ${m.probe_rms_radius.toFixed(2)} px, ${(100 * m.probe_energy_outside_centre).toFixed(1)}% of its energy outside the central ${m.N / 2}×${m.N / 2} square${defocus === undefined ? '' : ` (defocus ${defocus.toFixed(3)} rad at the pupil edge)`}`);
    });
}

/** `--out` must not be one of the files read (`from:FILE.npz`): inputs are never touched (SPEC §1). */
function refuseOverwritingInputs(flags: SimulateFlags): void {
  const out = realOrResolved(flags.out);
  for (const [key, v] of [['--object', flags.object], ['--probe', flags.probe], ['--scan', flags.scan]] as const) {
    const file = fromFile(v);
    if (file !== undefined && realOrResolved(file) === out) {
      throw new InputError('the output would overwrite an input', { file: flags.out, key: '--out', expected: `a file other than the ${key} input`, actual: `${key} from:${file}` });
    }
  }
}

function realOrResolved(p: string): string {
  try { return fs.realpathSync(p); } catch { return path.resolve(p); }
}

function intFlag(v: string, key: string): number {
  const x = Number(v);
  if (!Number.isInteger(x)) throw new InputError('expected an integer', { key, expected: 'integer', actual: v });
  return x;
}

/** `from:FILE.npz` → FILE.npz, else undefined. */
function fromFile(v: string): string | undefined {
  return v.startsWith('from:') ? v.slice(5) : undefined;
}

function objectSpec(flags: SimulateFlags): ObjectSpec {
  const file = fromFile(flags.object);
  if (file) {
    const a = readNpzFile(file, { keys: ['objectGuess'] }).objectGuess;
    if (!a) throw new InputError('no objectGuess to simulate from', { file, key: 'objectGuess', expected: '(H, W) complex', actual: 'absent' });
    return { kind: 'array', array: toComplexArray(a, { file, key: 'objectGuess' }), label: `from:${file}` };
  }
  const size = flags.objectSize === undefined ? {} : parseSize(flags.objectSize);
  const lines = flags.lines === undefined ? {} : { lines: intFlag(flags.lines, '--lines') };
  if (flags.lines !== undefined && flags.object !== 'lines' && flags.object !== 'lines-pinn') throw new InputError('--lines applies to line objects only', { key: '--lines', expected: "--object lines or lines-pinn", actual: `--object ${flags.object}` });
  if (lines.lines !== undefined && !(lines.lines >= 1)) throw new InputError('the number of lines must be positive', { key: '--lines', expected: 'integer ≥ 1', actual: flags.lines! });
  if (flags.object === 'lines') return { kind: 'lines', ...size, ...lines };
  if (flags.object === 'lines-pinn') return { kind: 'lines-pinn', ...size, ...lines };
  if (flags.object === 'grf') return { kind: 'grf', ...size };
  throw new InputError('unknown object', { key: '--object', expected: 'lines|lines-pinn|grf|from:FILE.npz', actual: flags.object });
}

function parseSize(v: string): { height: number; width: number } {
  const m = /^(\d+)(?:x(\d+))?$/.exec(v.trim());
  if (!m) throw new InputError('object size must be H or HxW in pixels', { key: '--object-size', expected: 'e.g. 160 or 200x240', actual: v });
  const height = Number(m[1]), width = Number(m[2] ?? m[1]);
  return { height, width };
}

function probeSpec(flags: SimulateFlags, n: number): ProbeSpec {
  const v = flags.probe;
  const file = fromFile(v);
  if (file && (flags.probeRms !== undefined || flags.probeDefocus !== undefined)) {
    throw new InputError('a probe read from a file has its own size', { key: flags.probeRms !== undefined ? '--probe-rms' : '--probe-defocus', expected: '--probe default', actual: `--probe ${v}` });
  }
  if (file) {
    const a = readNpzFile(file, { keys: ['probeGuess'] }).probeGuess;
    if (!a) throw new InputError('no probeGuess to simulate with', { file, key: 'probeGuess', expected: '(N, N) complex', actual: 'absent' });
    return { kind: 'array', array: toComplexArray(a, { file, key: 'probeGuess' }), label: `from:${file}` };
  }
  if (v !== 'default') throw new InputError('unknown probe', { key: '--probe', expected: 'default|from:FILE.npz', actual: v });
  if (flags.probeRms !== undefined && flags.probeDefocus !== undefined) throw new InputError('give the probe size one way', { key: '--probe-rms', expected: '--probe-rms or --probe-defocus', actual: 'both' });
  if (flags.probeDefocus !== undefined) {
    const d = Number(flags.probeDefocus);
    if (!Number.isFinite(d)) throw new InputError('defocus must be a number of radians', { key: '--probe-defocus', expected: 'finite number', actual: flags.probeDefocus });
    return { kind: 'default', defocusPhase: d };
  }
  if (flags.probeRms !== undefined) {
    const r = Number(flags.probeRms);
    if (!(r > 0) || !Number.isFinite(r)) throw new InputError('the probe rms radius must be a positive number of pixels', { key: '--probe-rms', expected: '> 0 px', actual: flags.probeRms });
    try {
      return { kind: 'default', defocusPhase: defocusForRmsRadius(n, r) };
    } catch (e) {
      if (e instanceof InputError) throw new InputError('no defocus of the default probe gives this rms radius', { key: '--probe-rms', expected: e.expected, actual: flags.probeRms });
      throw e;
    }
  }
  return { kind: 'default' };
}

function scanSpec(flags: SimulateFlags, n: number): ScanSpec {
  const file = fromFile(flags.scan);
  if (file) {
    const a = readNpzFile(file, { keys: ['xcoords', 'ycoords'] });
    if (!a.xcoords || !a.ycoords) throw new InputError('no scan positions to reuse', { file, key: a.xcoords ? 'ycoords' : 'xcoords', expected: '(M,) float', actual: 'absent' });
    return { kind: 'positions', xs: toFloat64Array(a.xcoords, { file, key: 'xcoords' }), ys: toFloat64Array(a.ycoords, { file, key: 'ycoords' }), label: `from:${file}` };
  }
  const step = flags.step === undefined ? n / 16 : Number(flags.step);
  if (!(step > 0)) throw new InputError('scan step must be positive', { key: '--step', expected: '> 0 pixels', actual: String(flags.step) });
  const count = flags.count === undefined ? undefined : intFlag(flags.count, '--count');
  switch (flags.scan) {
    case 'grid': return { kind: 'grid', step };
    case 'jitter': return { kind: 'jitter', step };
    case 'spiral': return count === undefined ? { kind: 'spiral', step } : { kind: 'spiral', step, count };
    case 'random':
      if (count === undefined) throw new InputError('a random scan needs a position count', { key: '--count', expected: 'integer ≥ 1', actual: 'absent' });
      return { kind: 'random', count };
    default:
      throw new InputError('unknown scan', { key: '--scan', expected: 'grid|jitter|random|spiral|from:FILE.npz', actual: flags.scan });
  }
}
