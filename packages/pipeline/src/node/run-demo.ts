import fs from 'node:fs';
import path from 'node:path';
import { toRawData } from '@ptychojs/io';
import { writeNpzFile } from '@ptychojs/io/node';
import { simulateScan } from '@ptychojs/physics';
import type { RunConfig } from '@ptychojs/model';
import { DEMO } from '../demo-settings.js';
import type { Reporter } from '../reporter.js';
import type { BackendUsed } from '../types.js';
import { checkRunOut } from './check-run-out.js';
import { runPipeline, type RunSummary } from './run-pipeline.js';

/**
 * The embedded demo (SPEC §1 `demo`): simulate a scan with the {@link DEMO} settings into
 * `out/data.npz`, then {@link runPipeline} on it under the demo's training budget.
 *
 * @param config `demoRunConfig(seed)`; its seed also seeds the simulation
 * @throws InputError for a finished output directory
 */
export async function runDemo(out: string, config: RunConfig, opts: { backend: BackendUsed; reporter: Reporter; workers?: number; signal?: AbortSignal }): Promise<RunSummary> {
  const { reporter } = opts;
  checkRunOut(out);
  const sim = simulateScan({ n: 64, object: DEMO.object, probe: DEMO.probe, scan: DEMO.scan, nphotons: DEMO.nphotons, seed: config.seed });
  fs.mkdirSync(out, { recursive: true });
  const dataFile = path.join(out, 'data.npz');
  writeNpzFile(dataFile, { ...sim.arrays });
  reporter.info(`simulated ${dataFile}: ${sim.metadata.M} patterns, ${DEMO.object.kind} object ${DEMO.object.height}×${DEMO.object.width}, mean counts ${sim.meanCounts.toExponential(2)}`);
  const raw = toRawData({ ...sim.arrays }, dataFile);
  return runPipeline(raw, out, config, { backend: opts.backend, reporter, workers: opts.workers ?? 1, ...(opts.signal ? { signal: opts.signal } : {}), maxTrainSeconds: DEMO.maxTrainSeconds, title: 'ptychojs demo', extra: { demo: { ...DEMO, seed: config.seed } } });
}
