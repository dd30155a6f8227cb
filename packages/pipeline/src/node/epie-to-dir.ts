import path from 'node:path';
import { fromComplexArray } from '@ptychojs/io';
import { writeFileAtomic, writeNpzFile, type ReconstructionFormat } from '@ptychojs/io/node';
import { epie, type EpieResult, type ObjectOnCanvas } from '@ptychojs/physics';
import type { EpieSettings } from '../reconstruct/epie-settings.js';
import { chartSvg } from '../report/charts/chart-svg.js';
import { epieCostChart } from '../report/charts/epie-cost-chart.js';
import type { Reporter } from '../reporter.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { defaultMemoryBudget } from './default-memory-budget.js';
import { makeOutputDir } from './make-output-dir.js';
import { writeProductFiles } from './write-product-files.js';
import { svgToPng } from './svg-to-png.js';
import { writeReconstruction } from './write-reconstruction.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** Options of {@link epieToDir}. */
export interface EpieToDirOptions extends EpieSettings {
  /** Starting object (refinement); flat when absent. */
  readonly initialObject?: ObjectOnCanvas;
  /** Where the starting object came from, stored in reconstruction.json ('flat' when absent). */
  readonly initLabel?: string;
  readonly reporter: Reporter;
  /** Bytes the scan's frames may take in memory (ePIE holds them all; default {@link defaultMemoryBudget}). */
  readonly memoryBudget?: number;
  /** Also write the reconstruction as a ptychodus product or CXI (`--format`), with the cost per iteration as losses. */
  readonly formats?: readonly ReconstructionFormat[];
  /** `--pixel-size` (metres) for those formats when the scan has none. */
  readonly pixelSizeM?: number;
}

/** An ePIE reconstruction and the files written for it. */
export interface EpieToDirResult extends EpieResult {
  readonly files: string[];
  /** The PNGs written, by file name in the directory (`amplitude.png`, `phase.png`, `scan.png`, `cost.png`). */
  readonly pngs: ReadonlyMap<string, Uint8Array>;
}

/**
 * A checked scan ({@link UsableScan}, checked for `epie`) → an ePIE/rPIE reconstruction directory
 * with the scan's probe (`epie` of `@ptychojs/physics`): the `reconstruction.npz` contract of
 * inference and its PNGs ({@link writeReconstruction}; `reconstruction.json` adds `method: 'epie'`,
 * the settings, the probe scale, the cost per iteration and the scan check's warnings, notes and
 * diffraction reading), `cost.png`, and `probe.npz` (`probeGuess`) when the probe is updated.
 * Progress: one bar over the iterations with the current cost.
 *
 * @throws InputError from `epie` on data that disagree (nothing is written then); a file-system
 *   error naming the directory when it cannot be made or written
 */
export async function epieToDir(scan: UsableScan, outDir: string, opts: EpieToDirOptions): Promise<EpieToDirResult> {
  const raw = scanInMemory(scan.raw, opts.memoryBudget ?? defaultMemoryBudget(), 'ePIE');
  const bar = opts.reporter.progress('epie', opts.iterations, 'iterations');
  let res: EpieResult;
  try {
    res = epie({
      diffraction: raw.diff3d, probe: raw.probeGuess, xs: raw.xcoords, ys: raw.ycoords,
      ...(raw.badPixels ? { badPixels: raw.badPixels } : {}),
      iterations: opts.iterations, rpieAlpha: opts.rpieAlpha, probeUpdate: opts.probeUpdate, probeAlpha: opts.probeAlpha, seed: opts.seed,
      initialObject: opts.initialObject,
      onIteration: (p) => bar.update(p.iteration, { cost: p.cost }),
    });
  } finally {
    bar.stop();
  }
  makeOutputDir(outDir);
  const cost = Array.from(res.cost);
  const meta = {
    method: 'epie', data: raw.source, N: raw.N, M: raw.M, iterations: opts.iterations, rpieAlpha: opts.rpieAlpha, probeUpdate: opts.probeUpdate,
    probeAlpha: opts.probeAlpha, seed: opts.seed, init: opts.initLabel ?? 'flat', probeScale: res.probeScale,
    costDefinition: 'sum_k sum_ij (|FFT2(P*O_k)|/N - A_k)^2 / sum_k sum_ij A_k^2, during each sweep', cost,
    secondsPerIteration: res.seconds / opts.iterations,
    diffraction: scan.diffraction, warnings: scan.warnings, notes: scan.notes, reader: scan.reader,
  };
  // ePIE uses the data as measured: no normalization α (null in reconstruction.json).
  const written = writeReconstruction(outDir, { reconstruction: res.reconstruction, groups: raw.M, alpha: null, seconds: { inference: res.seconds, stitching: 0 } }, meta, { x: raw.xcoords, y: raw.ycoords });
  const files = written.files, pngs = new Map(written.pngs);
  const costPng = path.join(outDir, RUN_FILES.costChart), costBytes = svgToPng(chartSvg(epieCostChart(cost, opts.rpieAlpha)));
  writeFileAtomic(costPng, costBytes);
  files.push(costPng);
  pngs.set(RUN_FILES.costChart, costBytes);
  if (opts.probeUpdate) {
    const probeNpz = path.join(outDir, RUN_FILES.probe);
    writeNpzFile(probeNpz, { probeGuess: fromComplexArray(res.probe, 'c8') });
    files.push(probeNpz);
  }
  if (opts.formats?.length) {
    files.push(...await writeProductFiles(outDir, res.reconstruction, scan, {
      formats: opts.formats, method: `ePIE (rPIE α ${opts.rpieAlpha})`, losses: cost,
      ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}), parameters: { iterations: opts.iterations, alpha: opts.rpieAlpha, probeUpdate: opts.probeUpdate, seed: opts.seed, init: opts.initLabel ?? 'flat' },
    }));
  }
  return { ...res, files, pngs };
}
