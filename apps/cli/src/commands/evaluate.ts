/**
 * `ptycho evaluate --recon R.npz --truth T.npz`: metrics vs ground truth (SPEC §4); and/or
 * `--data SCAN.npz`: quality without ground truth (issue 17) — data residuals, half-scan FRC
 * (with `--half-scan`), fluence, reliable region and probe — for a reconstruction made by any tool.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, isInputError, parseReconstruction, toComplexArray, type ComplexArray } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { METRICS_PROFILES, type MetricsProfile } from '@ptychojs/metrics';
import { epieSubsetReconstructor, INFERENCE_BATCH_SIZE, metricsTable, resolveEpieSettings, RUN_FILES, scanInMemory, scanTruth, selfConsistencySummary, truthFromArrays, type ReconstructSubset, type Truth } from '@ptychojs/pipeline';
import { evaluateAndWrite, loadScan, modelSubsetReconstructor, selfConsistencyToDir, type ModelSubsetReconstructor } from '@ptychojs/pipeline/node';
import { BACKEND_CHOICES, selectBackend, type BackendChoice } from '../backend.js';
import { addScanOptions, fileSettings, memoryBudget, printScanFindings, readingSettings, type ScanFlags } from '../scan-options.js';
import { createUi } from '../ui.js';

interface EvaluateFlags extends ScanFlags {
  recon: string; truth?: string; data?: string; halfScan?: string; probe?: string; backend: string; profile: MetricsProfile; out?: string; json?: boolean; quiet?: boolean;
}

const PROFILE_WORDS: Record<MetricsProfile, string> = { standard: 'textbook definitions', ptychopinn: "PtychoPINN's own variants" };

export function registerEvaluate(program: Command): void {
  const cmd = program
    .command('evaluate')
    .description('score a reconstruction against ground truth (MS-SSIM, SSIM, PSNR, MAE, FRC50) and/or against its own data without one (residuals, half-scan FRC, fluence)')
    .requiredOption('--recon <file>', 'reconstruction.npz (written by `ptycho infer`, `epie`, `run`, or any tool in that contract)')
    .option('--truth <file>', 'NPZ with objectGuess (a raw scan NPZ; its positions define the scored box); default: --data when it holds objectGuess')
    .option('--data <file>', 'the raw scan NPZ the reconstruction was made from: quality without ground truth (data residuals, fluence, reliable region, probe)')
    .option('--half-scan <how>', "with --data, also the half-scan FRC, reconstructing each half as the reconstruction was made: 'epie:K' or 'epie:K:ALPHA' (ePIE from a flat object, K iterations) or 'model:RUN' (inference with the model of run directory RUN)")
    .option('--probe <file>', "with --data, the probe the reconstruction goes with (an NPZ with probeGuess; default: probe.npz beside --recon when there is one, else the scan's probeGuess)")
    .option('--backend <name>', `${BACKEND_CHOICES.join('|')} (for --half-scan model:RUN)`, 'auto')
    .option('--profile <name>', `${METRICS_PROFILES.map((p) => `'${p}' (${PROFILE_WORDS[p]})`).join(' or ')}`, METRICS_PROFILES[0])
    .option('--out <dir>', 'where metrics.json, frc.png and the pictures go (default: beside --recon)');
  addScanOptions(cmd)
    .option('--json', 'print the metrics object on stdout (with --data: the ten metrics when scored, and selfConsistency)')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: EvaluateFlags) => {
      const ui = createUi(flags);
      if (!(METRICS_PROFILES as readonly string[]).includes(flags.profile)) {
        throw new InputError('unknown metrics profile', { key: '--profile', expected: METRICS_PROFILES.join('|'), actual: flags.profile });
      }
      if (!flags.truth && !flags.data) throw new InputError('nothing to evaluate against', { key: '--truth', expected: '--truth FILE (ground truth) and/or --data FILE (the scan, for quality without ground truth)', actual: 'neither' });
      if ((flags.halfScan || flags.probe) && !flags.data) throw new InputError('--half-scan and --probe need the scan', { key: '--data', expected: 'the raw scan NPZ', actual: 'absent' });
      const halfScan = flags.halfScan === undefined ? undefined : parseHalfScan(flags.halfScan);
      const profile = flags.profile;
      const recon = parseReconstruction(readNpzFile(flags.recon), flags.recon);
      const outDir = flags.out ?? path.dirname(flags.recon);
      // Every input is read and checked before anything is written.
      let truth: Truth | undefined;
      if (flags.truth) {
        truth = truthFromArrays(readNpzFile(flags.truth, { keys: ['objectGuess', 'xcoords', 'ycoords', 'probeGuess'] }), flags.truth, { strict: Boolean(flags.strict) });
        printScanFindings(ui, { warnings: truth.warnings ?? [] });
      }
      if (!flags.data) {
        const out = evaluateAndWrite(recon, truth!, outDir, profile);
        ui.result(out.result.metrics);
        ui.info(`${flags.recon} vs ${flags.truth} (${profile} profile, ${out.result.box.height}×${out.result.box.width} px scored)`);
        for (const line of metricsTable(out.result.metrics)) ui.info(line);
        ui.info(`FRC curves: ${out.frcPng}`);
        return;
      }
      const scan = await loadScan(flags.data, { command: 'epie', ...readingSettings(flags), ...fileSettings(flags), reporter: ui });
      printScanFindings(ui, scan);
      // The data residuals and half-scan reconstructions hold every frame.
      const raw = scanInMemory(scan.raw, memoryBudget(flags), 'evaluate --data');
      if (!truth) {
        truth = scanTruth(scan);
        if (truth) ui.info(`scoring against objectGuess of ${flags.data} (no --truth given)`);
      }
      const { probe, source } = reconProbe(flags, raw.probeGuess);
      let model: ModelSubsetReconstructor | undefined;
      let reconstructSubset: ReconstructSubset | undefined, label: string | undefined;
      if (halfScan?.kind === 'epie') {
        reconstructSubset = epieSubsetReconstructor(raw, { iterations: halfScan.iterations, rpieAlpha: halfScan.rpieAlpha, seed: 0 });
        label = `ePIE from a flat object, ${halfScan.iterations} iterations (α = ${halfScan.rpieAlpha})`;
      } else if (halfScan?.kind === 'model') {
        const backend = await selectBackend(flags.backend as BackendChoice);
        ui.info(`backend: ${backend.name} (${backend.reason})`);
        model = modelSubsetReconstructor(halfScan.run, raw, { batchSize: INFERENCE_BATCH_SIZE });
        reconstructSubset = model.reconstructSubset;
        label = model.label;
      }
      let res;
      try {
        res = await selfConsistencyToDir(raw, outDir, recon, {
          probe, probeSource: source, reporter: ui,
          // A probe from a file (e.g. ePIE's --probe-update): how it changed from the scan's is reported.
          ...(probe !== raw.probeGuess ? { initialProbe: raw.probeGuess } : {}),
          ...(truth ? { truth, profile } : { metricsAbsent: `no ground truth: neither --truth nor objectGuess in ${flags.data}` }),
          ...(reconstructSubset ? { reconstructSubset, reconstructSubsetLabel: label! } : { halfScanAbsent: "not asked for: pass --half-scan epie:K or model:RUN to reconstruct each half of the scan as this reconstruction was made" }),
        });
      } finally {
        await model?.close();
      }
      const sc = res.selfConsistency.record, summary = selfConsistencySummary(sc);
      ui.result({ ...(res.evaluation ? res.evaluation.metrics : {}), selfConsistency: summary });
      const h = sc.halfScanFrc;
      ui.info(`${flags.recon} against the data of ${flags.data}:`);
      ui.info(`  data residual: normalized Poisson deviance ${sc.residuals.normalizedDeviance.toPrecision(4)} (1 = counting noise; median per position ${sc.residuals.medianNormalizedDeviance.toPrecision(3)}), R-factor ${sc.residuals.rFactor.toFixed(4)}, ${sc.residuals.poorlyExplained.positions} of ${scan.raw.M} positions above 2`);
      ui.info(`  half-scan FRC (½-bit): ${h ? `${h.reachesNyquist ? '≤ 1 px (reaches Nyquist)' : `${h.resolutionPixels.toFixed(2)} px`}${h.resolutionNm !== null ? ` = ${h.resolutionNm.toPrecision(3)} nm` : ''} (${h.split} split; a pessimistic bound)` : `absent: ${sc.halfScanFrcAbsent}`}`);
      ui.info(`  overlap: ${sc.overlap ? `linear ${sc.overlap.linear.toFixed(2)}, areal ${sc.overlap.areal.toFixed(2)} (step ${sc.overlap.step.toFixed(2)} px, probe FWHM ${sc.overlap.probeDiameter.toFixed(1)} px)` : 'n/a'}; reliable region ${(100 * summary.reliableFraction).toFixed(0)}% of the canvas; probe: ${source}`);
      if (res.evaluation) for (const line of metricsTable(res.evaluation.metrics)) ui.info(line);
      ui.info(`wrote ${res.metricsJson} and ${res.images.map((i) => path.basename(i.file)).join(', ')}`);
    });
}

type HalfScan = { kind: 'epie'; iterations: number; rpieAlpha: number } | { kind: 'model'; run: string };

/** `epie:K`, `epie:K:ALPHA` or `model:RUN`. */
function parseHalfScan(v: string): HalfScan {
  const bad = () => new InputError('unknown half-scan reconstruction', { key: '--half-scan', expected: "'epie:K', 'epie:K:ALPHA' (K ≥ 1, 0 < ALPHA ≤ 1) or 'model:RUN'", actual: v });
  if (v.startsWith('model:')) {
    const run = v.slice('model:'.length);
    if (!run) throw bad();
    return { kind: 'model', run };
  }
  const m = /^epie:(\d+)(?::([0-9.eE+-]+))?$/.exec(v);
  if (!m) throw bad();
  try {
    // K and ALPHA are ePIE's iterations and α: its schema checks them and gives α's default.
    const { iterations, rpieAlpha } = resolveEpieSettings({ iterations: m[1], rpieAlpha: m[2] });
    return { kind: 'epie', iterations, rpieAlpha };
  } catch (e) {
    if (isInputError(e)) throw bad();
    throw e;
  }
}

/** The probe the reconstruction goes with: --probe, else probe.npz beside --recon, else the scan's. */
function reconProbe(flags: EvaluateFlags, scanProbe: ComplexArray): { probe: ComplexArray; source: string } {
  const beside = path.join(path.dirname(flags.recon), RUN_FILES.probe);
  const file = flags.probe ?? (fs.existsSync(beside) ? beside : undefined);
  if (!file) return { probe: scanProbe, source: 'probeGuess of the scan' };
  const arrays = readNpzFile(file, { keys: ['probeGuess'] });
  if (!arrays.probeGuess) throw new InputError('no probe in this file', { file, key: 'probeGuess', expected: '(N, N) complex', actual: 'absent' });
  const probe = toComplexArray(arrays.probeGuess, { file, key: 'probeGuess' });
  if (probe.shape.join() !== scanProbe.shape.join()) throw new InputError('the probe does not match the scan', { file, key: 'probeGuess', expected: `(${scanProbe.shape.join(', ')})`, actual: `(${probe.shape.join(', ')})` });
  return { probe, source: `probeGuess of ${file}` };
}

