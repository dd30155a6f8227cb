import path from 'node:path';
import type { RawData } from '@ptychojs/io';
import { scanBoxFromPositions, type EvaluationMetrics } from '@ptychojs/metrics';
import type { Reporter } from '../reporter.js';
import { evaluateAndWrite } from './evaluate-and-write.js';
import { inferToDir } from './infer-to-dir.js';

/**
 * After training: reconstruct a held-out scan with the run's model into `RUN/test/`, and score it
 * against its objectGuess when it has one (`metrics.json`, `frc.png` there too).
 *
 * @returns the directory written and the ten SPEC §4 metrics, or null without ground truth
 */
export async function reconstructTestScan(runDir: string, test: RawData, opts: { reporter: Reporter; backend: string; batchSize?: number; workers?: number }): Promise<{ dir: string; metrics: EvaluationMetrics | null }> {
  const dir = path.join(runDir, 'test');
  const rec = await inferToDir(runDir, test, dir, { batchSize: opts.batchSize ?? 64, reporter: opts.reporter, backend: opts.backend, workers: opts.workers ?? 1 });
  opts.reporter.info(`test scan ${test.source} reconstructed into ${dir}/`);
  if (!test.objectGuess) return { dir, metrics: null };
  const ev = evaluateAndWrite(rec.reconstruction, { object: test.objectGuess, scanBox: scanBoxFromPositions(test.xcoords, test.ycoords) }, dir);
  return { dir, metrics: ev.result.metrics };
}
