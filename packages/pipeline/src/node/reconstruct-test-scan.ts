import path from 'node:path';
import type { EvaluationMetrics } from '@ptychojs/metrics';
import type { Reporter } from '../reporter.js';
import { scanTruth } from '../scan/scan-truth.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { evaluateAndWrite } from './evaluate-and-write.js';
import { inferToDir } from './infer-to-dir.js';
import { INFERENCE_BATCH_SIZE } from '../reconstruct/inference-batch-size.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * After training: reconstruct a held-out scan (checked for `infer` with the run's gridsize and K)
 * with the run's model into `RUN/test/`, and score it against its objectGuess when the metrics can
 * be computed (`metrics.json`, `frc.png` there too).
 *
 * @returns the directory written, the ten SPEC §4 metrics or null, and why they are absent (null when present)
 */
export async function reconstructTestScan(
  runDir: string, test: UsableScan, opts: { reporter: Reporter; backend: string; batchSize?: number; workers?: number; memoryBudget?: number },
): Promise<{ dir: string; metrics: EvaluationMetrics | null; metricsAbsent: string | null }> {
  const dir = path.join(runDir, RUN_FILES.test);
  const rec = await inferToDir(runDir, test, dir, { batchSize: opts.batchSize ?? INFERENCE_BATCH_SIZE, reporter: opts.reporter, backend: opts.backend, workers: opts.workers ?? 1, ...(opts.memoryBudget !== undefined ? { memoryBudget: opts.memoryBudget } : {}) });
  opts.reporter.info(`test scan ${test.raw.source} reconstructed into ${dir}/`);
  const truth = scanTruth(test);
  if (!truth) return { dir, metrics: null, metricsAbsent: test.evaluation.reason ?? 'metrics not computable' };
  const ev = evaluateAndWrite(rec.reconstruction, truth, dir);
  return { dir, metrics: ev.result.metrics, metricsAbsent: null };
}
