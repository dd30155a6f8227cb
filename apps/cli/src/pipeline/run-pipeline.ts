/**
 * `run` and `demo`: train → infer → evaluate (when objectGuess is present) → report.html and
 * summary.json. Re-running into the same directory resumes an interrupted run and refuses a
 * finished one; nothing is silently overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, type RawData } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import { renderImagePng, scanBoxFromPositions, type EvaluationMetrics } from '@ptychojs/metrics';
import type { RunConfig } from '@ptychojs/model';
import type { BackendInfo } from '../backend.js';
import { jsonSafe, type Ui } from '../ui.js';
import { evaluateAndWrite, formatMetrics } from './evaluation.js';
import { inferToDir, readRunConfig } from './inference.js';
import { imageList, reportHtml } from './report.js';
import { trainToRunDir, type RunDirConfig } from './training.js';

export interface RunSummary {
  readonly data: string;
  readonly out: string;
  readonly backend: { readonly name: string; readonly reason: string };
  readonly train: { readonly epochs: number; readonly stopReason: string; readonly finalLoss: number | undefined; readonly seconds: number };
  readonly infer: { readonly groups: number; readonly shape: readonly number[]; readonly canvasOrigin: readonly [number, number]; readonly seconds: { readonly inference: number; readonly stitching: number } };
  readonly metrics: EvaluationMetrics | null;
  readonly seconds: number;
  readonly report: string;
}

export function checkRunOut(out: string): void {
  if (fs.existsSync(path.join(out, 'summary.json'))) {
    throw new InputError('this directory already holds a finished run; choose another --out or delete it', { file: out, key: '--out' });
  }
}

export async function runPipeline(raw: RawData, out: string, config: RunConfig, opts: { backend: BackendInfo; ui: Ui; batchSize?: number; title?: string; extra?: Record<string, unknown>; maxTrainSeconds?: number }): Promise<RunSummary> {
  const { ui } = opts;
  const t0 = performance.now();
  checkRunOut(out);
  fs.mkdirSync(out, { recursive: true });
  const trainDir = path.join(out, 'train');
  let trainInfo: RunSummary['train'];
  let runConfig: RunDirConfig;
  if (fs.existsSync(path.join(trainDir, 'config.json'))) {
    runConfig = readRunConfig(trainDir);
    const hist = JSON.parse(fs.readFileSync(path.join(trainDir, 'history.json'), 'utf8')) as { loss: number }[];
    ui.info(`training already finished in ${trainDir}; reusing it`);
    trainInfo = { epochs: runConfig.epochs, stopReason: runConfig.stopReason, finalLoss: hist.at(-1)?.loss, seconds: runConfig.seconds };
  } else {
    const resume = fs.existsSync(path.join(trainDir, 'checkpoint'));
    const res = await trainToRunDir(raw, config, trainDir, { backend: opts.backend, resume, ui, ...(opts.maxTrainSeconds !== undefined ? { maxSeconds: opts.maxTrainSeconds } : {}) });
    runConfig = res.runConfig;
    trainInfo = { epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: res.history.at(-1)?.loss, seconds: res.runConfig.seconds };
  }
  const reconDir = path.join(out, 'recon');
  const rec = await inferToDir(trainDir, raw, reconDir, { batchSize: opts.batchSize ?? 64, ui, backend: opts.backend.name });
  let metrics: EvaluationMetrics | null = null;
  if (raw.objectGuess) {
    const ev = evaluateAndWrite(rec.reconstruction, { object: raw.objectGuess, scanBox: scanBoxFromPositions(raw.xcoords, raw.ycoords) }, reconDir);
    metrics = ev.result.metrics;
    writeTruthImages(raw, rec.reconstruction.canvasOrigin, rec.reconstruction.object.shape as [number, number], reconDir);
    ui.info('metrics vs objectGuess:');
    for (const line of formatMetrics(metrics)) ui.info(line);
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
  writeFileAtomic(reportFile, reportHtml({ title: opts.title ?? `ptychojs reconstruction of ${path.basename(raw.source)}`, images: imageList(out, Boolean(raw.objectGuess)), ...(metrics ? { metrics } : {}), summary: { ...summary, ...opts.extra }, config: runConfig }));
  writeJsonAtomic(path.join(out, 'summary.json'), JSON.parse(JSON.stringify({ ...summary, ...opts.extra }, jsonSafe)));
  return summary;
}

/** The ground truth over the reconstruction's canvas (same frame), for side-by-side viewing. */
function writeTruthImages(raw: RawData, origin: readonly [number, number], [H, W]: [number, number], dir: string): void {
  const obj = raw.objectGuess!;
  const [Ht, Wt] = obj.shape as [number, number];
  const amp = new Float32Array(H * W), ph = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const y = r + Math.round(origin[1]), x = c + Math.round(origin[0]);
    if (y < 0 || y >= Ht || x < 0 || x >= Wt) continue;
    const re = obj.re[y * Wt + x]!, im = obj.im[y * Wt + x]!;
    amp[r * W + c] = Math.hypot(re, im); ph[r * W + c] = Math.atan2(im, re);
  }
  writeFileAtomic(path.join(dir, 'truth_amplitude.png'), renderImagePng(amp, H, W, { colormap: 'gray', title: 'true amplitude' }));
  writeFileAtomic(path.join(dir, 'truth_phase.png'), renderImagePng(ph, H, W, { colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI, title: 'true phase' }));
}
