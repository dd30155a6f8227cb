import fs from 'node:fs';
import path from 'node:path';
import type { RawData } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import { scanBoxFromPositions, type EvaluationMetrics, type EvaluationResult } from '@ptychojs/metrics';
import type { EpochRecord, RunConfig } from '@ptychojs/model';
import { amplitudePhasePngs } from '../amplitude-phase-pngs.js';
import { jsonSafe } from '../json-safe.js';
import { metricsTable } from '../metrics-table.js';
import { reportHtml } from '../report-html.js';
import type { Reporter } from '../reporter.js';
import type { RunDirConfig } from '../run-dir-config.js';
import { truthInFrame } from '../truth-in-frame.js';
import type { BackendUsed } from '../types.js';
import { checkRunOut } from './check-run-out.js';
import { evaluateAndWrite } from './evaluate-and-write.js';
import { inferToDir } from './infer-to-dir.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';
import { trainToRunDir } from './train-to-run-dir.js';

/** `summary.json` of a `run` (and `demo`) directory. */
export interface RunSummary {
  readonly data: string;
  readonly out: string;
  readonly backend: { readonly name: string; readonly reason: string };
  readonly train: { readonly epochs: number; readonly stopReason: string; readonly finalLoss: number | undefined; readonly seconds: number };
  readonly infer: { readonly groups: number; readonly shape: readonly number[]; readonly canvasOrigin: readonly [number, number]; readonly seconds: { readonly inference: number; readonly stitching: number } };
  /** The ten SPEC §4 metrics against objectGuess, or null without it. */
  readonly metrics: EvaluationMetrics | null;
  readonly seconds: number;
  readonly report: string;
}

/** Options of {@link runPipeline}. */
export interface RunPipelineOptions {
  readonly backend: BackendUsed;
  readonly reporter: Reporter;
  /** Groups per inference pass (default 64). */
  readonly batchSize?: number;
  /** Title of report.html (default: `ptychojs reconstruction of <data file>`). */
  readonly title?: string;
  /** Extra fields for summary.json and the report's summary (the demo's settings). */
  readonly extra?: Record<string, unknown>;
  /** Wall-clock training budget in seconds. */
  readonly maxTrainSeconds?: number;
}

/**
 * The whole pipeline into `out` (SPEC §1 `run`): train into `out/train/` → reconstruct into
 * `out/recon/` → evaluate against objectGuess when present (metrics, FRC, truth images in the
 * reconstruction's frame) → `report.html` and `summary.json`. Re-running into the same directory
 * reuses a finished training, resumes an interrupted one and refuses a finished run; nothing is
 * silently overwritten.
 *
 * @throws InputError for a finished output directory or bad data
 */
export async function runPipeline(raw: RawData, out: string, config: RunConfig, opts: RunPipelineOptions): Promise<RunSummary> {
  const { reporter } = opts;
  const t0 = performance.now();
  checkRunOut(out);
  fs.mkdirSync(out, { recursive: true });
  const trainDir = path.join(out, 'train');
  let trainInfo: RunSummary['train'];
  let runConfig: RunDirConfig;
  let history: readonly EpochRecord[];
  if (fs.existsSync(path.join(trainDir, 'config.json'))) {
    runConfig = readRunDirConfig(trainDir);
    const hist = readTrainingHistory(trainDir);
    history = hist;
    reporter.info(`training already finished in ${trainDir}; reusing it`);
    trainInfo = { epochs: runConfig.epochs, stopReason: runConfig.stopReason, finalLoss: hist.at(-1)?.loss, seconds: runConfig.seconds };
  } else {
    const resume = fs.existsSync(path.join(trainDir, 'checkpoint'));
    const res = await trainToRunDir(raw, config, trainDir, { backend: opts.backend, resume, reporter, ...(opts.maxTrainSeconds !== undefined ? { maxSeconds: opts.maxTrainSeconds } : {}) });
    runConfig = res.runConfig;
    history = res.history;
    trainInfo = { epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: res.history.at(-1)?.loss, seconds: res.runConfig.seconds };
  }
  const reconDir = path.join(out, 'recon');
  const rec = await inferToDir(trainDir, raw, reconDir, { batchSize: opts.batchSize ?? 64, reporter, backend: opts.backend.name });
  let metrics: EvaluationMetrics | null = null;
  let frc: EvaluationResult['frc'] | undefined;
  if (raw.objectGuess) {
    const ev = evaluateAndWrite(rec.reconstruction, { object: raw.objectGuess, scanBox: scanBoxFromPositions(raw.xcoords, raw.ycoords) }, reconDir);
    metrics = ev.result.metrics;
    frc = ev.result.frc;
    const [H, W] = rec.reconstruction.object.shape as [number, number];
    const truth = truthInFrame(raw.objectGuess, rec.reconstruction.canvasOrigin, [H, W]);
    const png = amplitudePhasePngs(truth.amplitude, truth.phase, H, W, 'true ');
    writeFileAtomic(path.join(reconDir, 'truth_amplitude.png'), png.amplitudePng);
    writeFileAtomic(path.join(reconDir, 'truth_phase.png'), png.phasePng);
    reporter.info('metrics vs objectGuess:');
    for (const line of metricsTable(metrics)) reporter.info(line);
  }
  const reportFile = path.join(out, 'report.html');
  const summary: RunSummary = {
    data: raw.source, out,
    backend: { name: opts.backend.name, reason: opts.backend.reason },
    train: trainInfo,
    infer: { groups: rec.groups, shape: rec.reconstruction.object.shape, canvasOrigin: rec.reconstruction.canvasOrigin, seconds: rec.seconds },
    metrics,
    seconds: (performance.now() - t0) / 1000,
    report: reportFile,
  };
  const images = reportImages(out, Boolean(raw.objectGuess)).filter((i) => fs.existsSync(i.file)).map((i) => ({ caption: i.caption, png: new Uint8Array(fs.readFileSync(i.file)) }));
  writeFileAtomic(reportFile, reportHtml({ title: opts.title ?? `ptychojs reconstruction of ${path.basename(raw.source)}`, images, ...(metrics ? { metrics } : {}), ...(frc ? { frc, profile: 'standard' as const } : {}), history, summary: { ...summary, ...opts.extra }, config: runConfig }));
  writeJsonAtomic(path.join(out, 'summary.json'), JSON.parse(JSON.stringify({ ...summary, ...opts.extra }, jsonSafe)));
  return summary;
}

/** The report's images (the curves are drawn as charts from the data), in order, as files of the run directory (those absent are skipped). */
function reportImages(outDir: string, hasTruth: boolean): { caption: string; file: string }[] {
  const list = [
    { caption: 'reconstructed amplitude', file: path.join(outDir, 'recon', 'amplitude.png') },
    { caption: 'reconstructed phase', file: path.join(outDir, 'recon', 'phase.png') },
  ];
  if (hasTruth) list.push(
    { caption: 'true amplitude (same frame as the reconstruction)', file: path.join(outDir, 'recon', 'truth_amplitude.png') },
    { caption: 'true phase (same frame as the reconstruction)', file: path.join(outDir, 'recon', 'truth_phase.png') },
  );
  return list;
}
