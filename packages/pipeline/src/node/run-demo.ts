import path from 'node:path';
import { memoryScanSource } from '@ptychojs/io';
import { writeNpzFile } from '@ptychojs/io/node';
import { simulateScan } from '@ptychojs/physics';
import type { RunConfig } from '@ptychojs/model';
import { checkScan } from '../scan/check-scan.js';
import { DEMO } from '../demo/demo-settings.js';
import { formatScanIssue } from '../scan/format-scan-issue.js';
import type { Reporter } from '../reporter.js';
import type { BackendUsed } from '../types.js';
import { usableScan } from '../scan/usable-scan.js';
import { checkRunOut } from './check-run-out.js';
import { makeOutputDir } from './make-output-dir.js';
import { runPipeline, type RunSummary } from './run-pipeline.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * The embedded demo (SPEC §1 `demo`): simulate a scan with the {@link DEMO} settings, check it for
 * `run` as any scan is ({@link checkScan}), write it to `out/data.npz`, then {@link runPipeline}
 * on it: with `initModel` (the shipped pretrained model, issue 15) the pretrained network
 * reconstructs the scan as it is first, then is fine-tuned under `DEMO.fineTune.config`'s time budget;
 * without, the network trains from scratch under `DEMO.config`'s. Then the network's object refined
 * by ePIE and ePIE from a flat object beside it (`refined/`, `epie/`, side by side in the report).
 *
 * @param config `demoRunConfig(seed)`; its seed also seeds the simulation
 * @throws InputError for a finished output directory
 */
export async function runDemo(out: string, config: RunConfig, opts: { backend: BackendUsed; reporter: Reporter; workers?: number; signal?: AbortSignal; initModel?: string }): Promise<RunSummary> {
  const { reporter } = opts;
  checkRunOut(out);
  const sim = simulateScan({ n: 64, object: DEMO.object, probe: DEMO.probe, scan: DEMO.scan, nphotons: DEMO.nphotons, seed: config.seed });
  const dataFile = path.join(out, RUN_FILES.demoData);
  const scan = usableScan(checkScan(memoryScanSource({ ...sim.arrays }, dataFile), { command: 'run', gridsize: config.gridsize, K: config.K, nphotons: config.nphotons }));
  for (const w of scan.warnings) reporter.warn(formatScanIssue(w));
  makeOutputDir(out);
  writeNpzFile(dataFile, { ...sim.arrays });
  reporter.info(`simulated ${dataFile}: ${sim.metadata.M} patterns, ${DEMO.object.kind} object ${DEMO.object.height}×${DEMO.object.width}, mean counts ${sim.meanCounts.toExponential(2)}`);
  const init = opts.initModel;
  return runPipeline(scan, out, config, { backend: opts.backend, reporter, workers: opts.workers ?? 1, ...(opts.signal ? { signal: opts.signal } : {}),
    ...(init === undefined ? {} : { initModel: init }),
    refineIterations: DEMO.refineIterations, epieIterations: DEMO.epieIterations, epieAlpha: DEMO.epieAlpha, title: 'ptychojs demo', extra: { demo: { ...DEMO, seed: config.seed } } });
}
