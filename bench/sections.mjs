// Benchmark sections. Each returns plain numbers plus ratios to a baseline from the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, time, timeAsync } from './util.mjs';

/** io: parse a ≥ 500 MB stored NPZ vs a plain read of the same bytes. */
async function io() {
  const { ndarray } = await import('@ptychojs/io');
  const { readNpzFile, writeNpzFile } = await import('@ptychojs/io/node');
  const M = 32768, N = 64; // 32768 × 64 × 64 float32 = 512 MiB
  const diff = new Float32Array(M * N * N);
  for (let i = 0; i < diff.length; i += 4099) diff[i] = i % 977;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-bench-'));
  const file = path.join(dir, 'big.npz');
  try {
    await writeNpzFile(file, { diff3d: ndarray('f4', [M, N, N], diff), xcoords: ndarray('f8', [M], new Float64Array(M)) });
    const bytes = fs.statSync(file).size;
    const read = time(() => fs.readFileSync(file), 3);
    const readParse = await timeAsync(() => readNpzFile(file), 3);
    return {
      fileMB: round(bytes / 2 ** 20, 4),
      plainReadMs: round(read.medianMs),
      readAndParseMs: round(readParse.medianMs),
      ratioReadAndParseToPlainRead: round(readParse.medianMs / read.medianMs),
      plainReadGBps: round(bytes / 1e9 / (read.medianMs / 1000)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** grouping: 100k positions, K = 6, C = 4 (gridsize 2); baseline: building the kd-tree alone. */
async function grouping() {
  const { groupScan, buildKnnIndex } = await import('@ptychojs/grouping');
  const { createRng } = await import('@ptychojs/io');
  const M = 100_000, rng = createRng(7);
  const xs = new Float64Array(M), ys = new Float64Array(M);
  for (let i = 0; i < M; i++) { xs[i] = 2000 * rng.next(); ys[i] = 2000 * rng.next(); }
  const build = time(() => buildKnnIndex(xs, ys), 5);
  const group = time(() => groupScan(xs, ys, { gridsize: 2, K: 6, seed: 1 }), 5);
  return {
    positions: M,
    groupScanMs: round(group.medianMs),
    perGroupUs: round((1000 * group.medianMs) / M),
    kdTreeBuildMs: round(build.medianMs),
    ratioGroupingToTreeBuild: round(group.medianMs / build.medianMs),
  };
}

/** stitching: 10k and 100k patches (N = 64, M = 20), streamed in batches of 512; baseline: one read pass over the same patches. */
async function stitching() {
  const { createStitcher } = await import('@ptychojs/stitching');
  const { createRng } = await import('@ptychojs/io');
  const N = 64, batch = 512, out = {};
  const re = new Float32Array(batch * N * N), im = new Float32Array(batch * N * N);
  const rng = createRng(3);
  for (let i = 0; i < re.length; i++) { re[i] = rng.next(); im[i] = rng.next() - 0.5; }
  for (const count of [10_000, 100_000]) {
    const side = Math.ceil(Math.sqrt(count));
    const xs = new Float64Array(count), ys = new Float64Array(count);
    for (let k = 0; k < count; k++) { xs[k] = 40 + 4 * (k % side) + rng.next(); ys[k] = 40 + 4 * Math.floor(k / side) + rng.next(); }
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const t0 = performance.now();
    const st = createStitcher({ xs, ys, N });
    for (let k = 0; k < count; k += batch) {
      const b = Math.min(batch, count - k);
      st.add(re.subarray(0, b * N * N), im.subarray(0, b * N * N), k);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const res = st.finish();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    const t1 = performance.now();
    let acc = 0;
    for (let k = 0; k < count; k += batch) { const b = Math.min(batch, count - k); for (let i = 0; i < b * N * N; i++) acc += re[i] + im[i]; }
    const baseMs = performance.now() - t1;
    out[`patches${count}`] = {
      canvas: res.object.shape, stitchMs: round(ms), perPatchUs: round((1000 * ms) / count),
      accumulatorMB: round(st.memoryBytes / 2 ** 20), peakRssIncreaseMB: round((peak - rss0) / 2 ** 20),
      readPassMs: round(baseMs), ratioStitchToReadPass: round(ms / baseMs), checksum: round(acc, 2) !== 0,
    };
  }
  return out;
}

function runJson(script, args) {
  return JSON.parse(execFileSync(process.execPath, [path.join(import.meta.dirname, '..', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/**
 * Training and inference on wasm with 1 and with all worker threads (issue 10), each figure next
 * to the local ceiling measured in the same process: matmul 1024², conv forward at the model's own
 * conv shapes; speed-ups, kernel efficiency, stitching share, kernel-time profile (bench/parallel.mjs).
 * BENCH_CPU=1 adds one training step and inference on the `cpu` backend (≈ 2 min).
 */
async function training() {
  const out = runJson('bench/parallel.mjs', []);
  if (process.env.BENCH_CPU) {
    const step = runJson('packages/model/scripts/bench-train-step.mjs', ['cpu', '16', '1', '2', '2']);
    const base = runJson('bench/conv-and-infer.mjs', ['cpu']);
    const stepGflops = (4.3 * step.batchSize) / step.medianStepSeconds;
    out.cpu = {
      stepSeconds: step.medianStepSeconds, patternsPerSec: step.patternsPerSec, stepGflops: round(stepGflops),
      convForwardGflops: base.convGflops, ratioStepToConvForward: round(stepGflops / base.convGflops), inferPatternsPerSec: base.inferPatternsPerSec,
    };
  }
  return out;
}

/**
 * native (issue 16): the same training step on wasm, on the tensorflow backend and in Python
 * TensorFlow (the native anchor), one core each, at f = 0.25 … 2, with the ratios against the
 * targets; the whole machine as the CLI uses it; inference with 1 and 2 workers (bench/native.mjs).
 * ≈ 7 minutes; the first run also installs the anchor's tensorflow-cpu (a few minutes).
 */
async function native() {
  return runJson('bench/native.mjs', []);
}

/** Whether `python3` with numpy runs here (the baseline of the epie section). */
function numpyVersion() {
  try {
    return execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * epie: one ePIE iteration (α = 1, known probe, flat start) over 1087 patterns of N = 64 (random
 * sub-pixel positions over the default 160×160 lines object, default probe, noise-free), next to
 * numpy running the same algorithm on the same scan file (bench/epie_numpy.py: pocketfft, one
 * position at a time) in the same run. Two rounds of 5 iterations each, alternating; each side's
 * figure is its fastest round's median iteration (the first iteration of a round is not counted).
 */
async function epie() {
  const { epie: runEpie, simulateScan } = await import('@ptychojs/physics');
  const { encodeNpz } = await import('@ptychojs/io');
  const M = 1087, N = 64, iterations = 5, rounds = 2;
  const sim = simulateScan({ n: N, scan: { kind: 'random', count: M }, noise: 'none', seed: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-bench-epie-'));
  const file = path.join(dir, 'scan.npz');
  const numpy = numpyVersion();
  try {
    fs.writeFileSync(file, encodeNpz(sim.arrays));
    const ours = [], theirs = [];
    let oursCost, numpyCost;
    for (let r = 0; r < rounds; r++) {
      const marks = [];
      const res = runEpie({ diffraction: sim.arrays.diff3d.data, probe: sim.probe, xs: sim.positions.xs, ys: sim.positions.ys, iterations, onIteration: (p) => marks.push(p.seconds) });
      const steps = marks.slice(1).map((t, i) => t - marks[i]).sort((a, b) => a - b);
      ours.push(steps[Math.floor(steps.length / 2)]);
      oursCost = res.cost[iterations - 1];
      if (numpy) {
        const out = JSON.parse(execFileSync('python3', [path.join(import.meta.dirname, 'epie_numpy.py'), file, String(iterations)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
        theirs.push(out.secondsPerIteration);
        numpyCost = out.cost[iterations - 1];
      }
    }
    const oursSec = Math.min(...ours);
    const result = {
      patterns: M, N, iterationsPerRound: iterations, rounds,
      oursSecondsPerIteration: round(oursSec), oursUsPerPattern: round((1e6 * oursSec) / M),
      oursCostAfter5: round(oursCost),
    };
    if (!numpy) return { ...result, baseline: 'absent: python3 with numpy not found, so no ratio (absolute figures only)' };
    const numpySec = Math.min(...theirs);
    return {
      ...result,
      numpy, numpySecondsPerIteration: round(numpySec), numpyCostAfter5: round(numpyCost),
      ratioOursToNumpy: round(oursSec / numpySec),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * quality: quality per minute (issue 10). The fidelity benchmark's large-probe dense case (case A of
 * bench/fidelity.mjs: PtychoPINN's lines object 128², the default probe at 15.5 px rms radius, 27%
 * outside the central N/2 square, jittered 2-px grid, 1e9 photons, seed 1) trained by `ptycho run`
 * with the default settings under a fixed budget (BENCH_QUALITY_MINUTES, default 5) with 1 worker
 * and with all workers; amplitude and phase SSIM of each and the epochs reached. ≈ 2 × (budget + 1)
 * minutes; BENCH_QUALITY_MINUTES=0 skips it.
 */
async function quality() {
  const minutes = Number(process.env.BENCH_QUALITY_MINUTES ?? 5);
  if (!(minutes > 0)) return { skipped: 'BENCH_QUALITY_MINUTES=0' };
  const cli = path.join(import.meta.dirname, '..', 'apps/cli/dist/main.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-bench-quality-'));
  const ptycho = (args) => JSON.parse(execFileSync(process.execPath, [cli, ...args, '--json', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  try {
    const data = path.join(dir, 'caseA.npz');
    ptycho(['simulate', '--out', data, '--object', 'lines-pinn', '--object-size', '128', '--probe', 'default', '--probe-rms', '15.5', '--scan', 'jitter', '--step', '2', '--nphotons', '1e9', '--seed', '1']);
    const W = os.availableParallelism();
    const runs = {};
    for (const workers of [1, W]) {
      process.stderr.write(`bench: quality, ${workers} worker(s), ${minutes} min of training …\n`);
      const s = ptycho(['run', '--data', data, '--out', path.join(dir, `w${workers}`), '--max-minutes', String(minutes), '--workers', String(workers)]);
      runs[workers] = { ampSsim: round(s.metrics.amp_ssim), phaseSsim: round(s.metrics.phase_ssim), epochs: s.train.epochs, stopReason: s.train.stopReason, trainSeconds: round(s.train.seconds) };
    }
    const one = runs[1], all = runs[W];
    return {
      case: 'fidelity case A (lines-pinn 128², probe rms 15.5 px, jitter step 2, 1e9 photons, seed 1), default run settings',
      budgetMinutes: minutes, workers: runs,
      ratioEpochsAllToOne: round(all.epochs / one.epochs),
      target: 'SSIM after the budget higher with all workers than with one',
      met: all.ampSsim > one.ampSsim && all.phaseSsim > one.phaseSsim,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * fullFieldHead (issue 8; a quality comparison, moved here from the unit suite): a probe as wide as
 * real ones (rms radius 15.5 px at N = 64, ≥ 25% of its energy outside the central N/2 square) lights
 * a ring that a central-only head cannot explain. The same small U-Net (f = 0.25, gridsize 1, seed 1,
 * wasm, deterministic for a seed), trained for the same 12 epochs on the same scan with the central
 * head and with the full N×N head, scored by its final training NLL and the SSIM of its stitched
 * object against the truth (SPEC §4, scan box). Measured when it was a test: centre NLL −1606841,
 * SSIM amp 0.079, phase 0.063; full NLL −1610723, SSIM amp 0.212, phase 0.194. ≈ 1 min; baseline:
 * the central head.
 */
async function fullFieldHead() {
  const { scanDataFromRaw, toRawData } = await import('@ptychojs/io');
  const { evaluateReconstruction, scanBoxFromPositions } = await import('@ptychojs/metrics');
  const { predictObject, resolveForData, resolveRunConfig, train } = await import('@ptychojs/model');
  const { defocusForRmsRadius, probeEnergyOutsideCentre, simulateScan } = await import('@ptychojs/physics');
  const { useBackend } = await import('@ptychojs/physics/node');
  const { prepareTrainingData, reconstructScan } = await import('@ptychojs/pipeline');
  await useBackend('wasm');
  const N = 64;
  const sim = simulateScan({
    n: N, object: { kind: 'lines-pinn', height: 112, width: 112 },
    probe: { kind: 'default', defocusPhase: defocusForRmsRadius(N, 15.5) },
    scan: { kind: 'jitter', step: 5 }, nphotons: 1e9, seed: 3,
  });
  const raw = toRawData(sim.arrays, 'wide-probe');
  const trainAndScore = async (objectExtent) => {
    const t0 = performance.now();
    const p = prepareTrainingData(raw, { gridsize: 1, K: 6, seed: 1 }, 1e9);
    const { config } = resolveForData(resolveRunConfig({ gridsize: 1, nFiltersScale: 0.25, epochs: 12, batchSize: 8, lr: 2e-3, nphotons: 1e9, seed: 1, validationFraction: 0, objectExtent }), { probe: p.probe, nphotons: 1e9 });
    const res = await train(config, { N, X: p.data.X, coordsRelative: p.data.coordsRelative, probe: p.probe, intensityScale: p.intensityScale, canvasSize: p.canvasSize });
    const rec = await reconstructScan(scanDataFromRaw(raw), async (b) => predictObject(res.model, b.X, b.coordsRelative), { grouping: { gridsize: 1, K: 6, seed: 1 }, batchSize: 32 });
    res.model.dispose();
    const m = evaluateReconstruction(rec.reconstruction.object, rec.reconstruction.canvasOrigin, sim.object, scanBoxFromPositions(raw.xcoords, raw.ycoords)).metrics;
    return { nll: round(res.history.at(-1).nll, 7), ampSsim: round(m.amp_ssim), phaseSsim: round(m.phase_ssim), seconds: round((performance.now() - t0) / 1000) };
  };
  const center = await trainAndScore('center');
  const full = await trainAndScore('full');
  return {
    case: 'lines-pinn 112², default probe at rms radius 15.5 px (N 64), jitter step 5, 1e9 photons, seed 3; f 0.25, gridsize 1, 12 epochs, wasm',
    probeEnergyOutsideCentre: round(probeEnergyOutsideCentre(raw.probeGuess)),
    center, full,
    ratioSecondsFullToCenter: round(full.seconds / center.seconds),
    target: 'the full head beats the central head in training NLL and in amplitude and phase SSIM',
    met: full.nll < center.nll && full.ampSsim > center.ampSsim && full.phaseSsim > center.phaseSsim,
  };
}

/**
 * largeScan (issue 19): inspect and infer on a stored NPZ of 2× the run's memory budget (64 MiB, so
 * a 128 MiB scan), peak RSS and time, against a plain read of the file and inference on a small scan
 * with the same model (bench/large-scan.mjs). BENCH_LARGE_BUDGET_MIB raises the budget.
 */
async function largeScan() {
  return runJson('bench/large-scan.mjs', [process.env.BENCH_LARGE_BUDGET_MIB ?? '64', '2']);
}

/**
 * hdf5 (issue 18): `ptycho inspect` on a ptychodus diffraction file of 100k frames (64×64 uint16,
 * LZF, written by h5py: bench/hdf5-inspect.py) with its product: it reads the metadata and a
 * bounded sample of frames (--sample's default), not the file; time and peak RSS, next to
 * `ptycho --version` (start-up) and to inspecting every frame (--sample all).
 */
async function hdf5() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-h5-'));
  const cli = path.join(import.meta.dirname, '..', 'apps/cli/dist/main.js');
  const timed = (args) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`ptycho ${args.join(' ')}: ${r.stderr.slice(-2000)}`);
    const [s, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { seconds: s, peakRssMiB: round(kb / 1024, 4), out: r.stdout };
  };
  try {
    const frames = 100_000;
    const bytes = Number(execFileSync('python3', [path.join(import.meta.dirname, 'hdf5-inspect.py'), dir, String(frames)], { encoding: 'utf8' }).trim());
    const args = [path.join(dir, 'diffraction.h5'), '--positions', path.join(dir, 'product.h5'), '--json', '--quiet'];
    const start = timed(['--version']);
    const sample = timed(['inspect', ...args]);
    const all = timed(['inspect', ...args, '--sample', 'all']);
    const s = JSON.parse(sample.out);
    return {
      frames, fileMiB: round(bytes / 2 ** 20), framesAsFloat32MiB: round((frames * 64 * 64 * 4) / 2 ** 20),
      startSeconds: start.seconds, startPeakRssMiB: start.peakRssMiB,
      inspectSample: { seconds: sample.seconds, peakRssMiB: sample.peakRssMiB, framesRead: s.sampledFrames ?? frames },
      inspectAll: { seconds: all.seconds, peakRssMiB: all.peakRssMiB },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * soak (issue 19): BENCH_SOAK_MINUTES (default 30; `npm run bench -- soak --minutes 5`) of
 * training a small model with a checkpoint every epoch, then as long of pretraining it
 * (bench/soak.mjs): tensors, RSS after GC and disk per epoch, against the targets. Long (twice
 * the minutes), so it runs only when named.
 */
async function soak() {
  const minutes = process.env.BENCH_SOAK_MINUTES ?? '30';
  const run = (...flags) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'soak.mjs'), '--minutes', minutes, ...flags], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }));
  return { training: run(), pretraining: run('--pretrain') };
}

/**
 * degenerate (issue 19): `ptycho inspect` on a 4 GiB all-zero diffraction stored deflated in an
 * 8 MB NPZ (bench/degenerate.mjs): seconds and peak RSS, against inflating the member once.
 */
async function degenerate() {
  return runJson('bench/degenerate.mjs', []);
}

export const sections = { io, grouping, stitching, training, native, epie, quality, fullFieldHead, largeScan, hdf5, degenerate, soak };
/** Sections run only when named (`npm run bench -- soak`). */
export const namedOnly = new Set(['soak']);
