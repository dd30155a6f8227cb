/**
 * `ptycho inspect FILE.npz`: what is in a scan file and whether it is valid (SPEC §1, §3).
 */
import type { Command } from 'commander';
import { InputError } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { summarizeScan, type ScanSummary } from '@ptychojs/pipeline';
import { createUi, fmt } from '../ui.js';

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

/** The summary as text lines for the terminal. */
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
