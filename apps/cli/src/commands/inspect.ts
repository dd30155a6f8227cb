/**
 * `ptycho inspect FILE.npz`: what is in a scan file and whether it is valid (SPEC §1, §3).
 */
import type { Command } from 'commander';
import { InputError, checkRawData, dtypeInfo, type DType, type NdArray, type RawData } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { knnAll } from '@ptychojs/grouping';
import { probeRmsRadius as rmsRadiusOf } from '@ptychojs/physics';
import { createUi, fmt } from '../ui.js';

export interface ScanSummary {
  file: string;
  keys: { key: string; shape: number[]; dtype: string }[];
  valid: boolean;
  problems: string[];
  M?: number;
  N?: number;
  extent?: { xmin: number; xmax: number; ymin: number; ymax: number };
  medianStep?: number;
  probeRmsRadius?: number;
  /** Linear overlap 1 − step / probe FWHM, FWHM taken as 1.665·(rms radius) (Gaussian-equivalent). */
  overlap?: number;
  countsPerPattern?: { min: number; median: number; max: number };
  objectGuess?: number[] | null;
  metadata?: Readonly<Record<string, unknown>> | null;
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('show what a scan NPZ holds and every validation problem (exit 2 if invalid)')
    .argument('<file>', 'raw scan NPZ (SPEC §3)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (file: string, opts: { json?: boolean; quiet?: boolean }) => {
      const ui = createUi(opts);
      const arrays = await readNpzFile(file);
      const summary = summarizeScan(file, arrays);
      ui.result(summary);
      for (const line of formatSummary(summary)) ui.info(line);
      if (!summary.valid) {
        throw new InputError(`invalid scan file (${summary.problems.length} problem${summary.problems.length === 1 ? '' : 's'})`, { file }, summary.problems);
      }
    });
}

/** Everything `inspect` reports, computed from the parsed arrays (pure). */
export function summarizeScan(file: string, arrays: Record<string, NdArray>): ScanSummary {
  const keys = Object.entries(arrays).map(([key, a]) => ({ key, shape: [...a.shape], dtype: numpyName(a.dtype) }));
  const { raw, problems } = checkRawData(arrays, file);
  const summary: ScanSummary = { file, keys, valid: problems.length === 0 && raw !== undefined, problems };
  if (!raw) return summary;
  return { ...summary, ...describeRaw(raw) };
}

function describeRaw(raw: RawData): Partial<ScanSummary> {
  const { M, N, xcoords: xs, ycoords: ys } = raw;
  const extent = { xmin: min(xs), xmax: max(xs), ymin: min(ys), ymax: max(ys) };
  let medianStep: number | undefined;
  if (M > 1) {
    const nn = knnAll(xs, ys, 1, { excludeSelf: true });
    const d = new Float64Array(M);
    for (let i = 0; i < M; i++) { const j = nn[i]!; d[i] = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!); }
    medianStep = median(d);
  }
  const probeRmsRadius = probeEnergy(raw) > 0 ? rmsRadiusOf(raw.probeGuess) : 0;
  const counts = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    let s = 0;
    for (let p = k * N * N, e = p + N * N; p < e; p++) s += raw.diff3d[p]! ** 2;
    counts[k] = s;
  }
  const fwhm = 1.665 * probeRmsRadius;
  return {
    M, N, extent, medianStep, probeRmsRadius,
    overlap: medianStep === undefined ? undefined : Math.max(0, 1 - medianStep / fwhm),
    countsPerPattern: { min: min(counts), median: median(counts), max: max(counts) },
    objectGuess: raw.objectGuess ? [...raw.objectGuess.shape] : null,
    metadata: raw.metadata ?? null,
  };
}

export function formatSummary(s: ScanSummary): string[] {
  const lines = [`${s.file}`, '  arrays:'];
  const width = Math.max(...s.keys.map((k) => k.key.length), 4);
  for (const k of s.keys) lines.push(`    ${k.key.padEnd(width)}  ${`(${k.shape.join(', ')}${k.shape.length === 1 ? ',' : ''})`.padEnd(18)} ${k.dtype}`);
  if (s.M !== undefined && s.N !== undefined && s.extent) {
    const e = s.extent;
    lines.push(
      `  positions M = ${s.M}, patterns N = ${s.N}×${s.N}`,
      `  scan extent x ${fmt(e.xmin)} … ${fmt(e.xmax)}, y ${fmt(e.ymin)} … ${fmt(e.ymax)} px`,
      `  median nearest-neighbour step ${s.medianStep === undefined ? 'n/a' : `${fmt(s.medianStep)} px`}; probe rms radius ${fmt(s.probeRmsRadius ?? 0)} px; estimated linear overlap ${s.overlap === undefined ? 'n/a' : `${Math.round(100 * s.overlap)}%`}`,
      `  counts per pattern min ${fmt(s.countsPerPattern!.min)}, median ${fmt(s.countsPerPattern!.median)}, max ${fmt(s.countsPerPattern!.max)}`,
      `  objectGuess ${s.objectGuess ? `present (${s.objectGuess.join('×')})` : 'absent (no evaluation against ground truth)'}`,
    );
    if (s.metadata) lines.push(`  metadata ${JSON.stringify(s.metadata)}`);
  }
  lines.push(s.valid ? '  valid: yes' : `  valid: NO — ${s.problems.length} problem(s):`);
  for (const p of s.problems) lines.push(`    - ${p}`);
  return lines;
}

function probeEnergy(raw: RawData): number {
  let e = 0;
  for (let i = 0; i < raw.probeGuess.re.length; i++) e += raw.probeGuess.re[i]! ** 2 + raw.probeGuess.im[i]! ** 2;
  return e;
}

function min(a: ArrayLike<number>): number { let m = Infinity; for (let i = 0; i < a.length; i++) if (a[i]! < m) m = a[i]!; return m; }
function max(a: ArrayLike<number>): number { let m = -Infinity; for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!; return m; }
function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** numpy's name for a dtype code: f4 → float32, c8 → complex64, U → str. */
function numpyName(dtype: DType): string {
  const i = dtypeInfo(dtype);
  if (i.kind === 'bool') return 'bool';
  if (i.kind === 'string') return dtype === 'U' ? 'str' : 'bytes';
  return `${i.kind}${i.itemSize * 8}`;
}
