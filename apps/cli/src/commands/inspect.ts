/**
 * `ptycho inspect FILE.npz`: what is in a scan file and whether `run` can use it (SPEC §1, §3;
 * issue 9). It makes the same check as every other command (`checkScanFile`, as `run` with the given
 * settings), so it shows exactly what they refuse, every warning with its fix, and whether the
 * metrics can be computed.
 */
import { Option, type Command } from 'commander';
import { summarizeScan, usableScan, type ScanSummary } from '@ptychojs/pipeline';
import { checkScanFile } from '@ptychojs/pipeline/node';
import { addScanOptions, printScanFindings, trainingScanSettings, type ScanFlags } from '../scan-options.js';
import { resolveTrainConfig, TRAIN_FLAGS } from '../train-options.js';
import { createUi, fmt } from '../ui.js';

/** The training settings that decide whether `run` can use a scan. */
const CHECKED = ['gridsize', 'K', 'nphotons'];

export function registerInspect(program: Command): void {
  const cmd = program
    .command('inspect')
    .description('show what a scan NPZ holds, whether `run` can use it (every problem: exit 2), and every warning with what to do')
    .argument('<file>', 'raw scan NPZ (SPEC §3)');
  for (const f of TRAIN_FLAGS.filter((t) => CHECKED.includes(t.key))) cmd.addOption(new Option(f.flag, `${f.help}: check as \`run\` would with it`));
  cmd.option('--config <file>', 'JSON file of training settings (as for `run`)');
  addScanOptions(cmd)
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (file: string, flags: Record<string, unknown> & ScanFlags & { json?: boolean; quiet?: boolean }) => {
      const ui = createUi(flags);
      const config = resolveTrainConfig(flags);
      const { check, arrays, keys } = await checkScanFile(file, trainingScanSettings('inspect', flags, config));
      const summary = summarizeScan(check, arrays, keys);
      ui.result(summary);
      for (const line of formatSummary(summary, { gridsize: config.gridsize, K: config.K, strict: Boolean(flags.strict) })) ui.info(line);
      printScanFindings(ui, { warnings: summary.warnings });
      usableScan(check); // every problem: exit 2, listed with its fix
    });
}

/** The summary as text lines for the terminal (warnings and problems are printed apart: always shown). */
export function formatSummary(s: ScanSummary, settings: { gridsize: number; K: number; strict: boolean }): string[] {
  const lines = [`${s.file}`, '  arrays (dtype as stored in the file):'];
  const width = Math.max(...s.keys.map((k) => k.key.length), 4);
  for (const k of s.keys) lines.push(`    ${k.key.padEnd(width)}  ${`(${k.shape.join(', ')}${k.shape.length === 1 ? ',' : ''})`.padEnd(18)} ${k.dtype}`);
  if (s.M !== undefined && s.N !== undefined) {
    const d = s.diffraction!;
    lines.push(
      `  positions M = ${s.M}, patterns N = ${s.N}×${s.N}`,
      `  diffraction '${d.key}' (${d.storedDtype}) read as ${d.kind === 'counts' ? 'detector counts, amplitude = sqrt(counts)' : 'amplitudes sqrt(counts)'} (${d.stated ? '--diffraction' : `from its dtype; say --diffraction ${d.kind === 'counts' ? 'amplitude' : 'counts'} if not`})`,
    );
    if (s.extent) {
      const e = s.extent;
      lines.push(`  scan extent x ${fmt(e.xmin)} … ${fmt(e.xmax)}, y ${fmt(e.ymin)} … ${fmt(e.ymax)} px`);
    }
    const overlap = s.overlap !== undefined ? `${Math.round(100 * s.overlap)}%` : s.medianStep ? 'n/a (see the warnings about the positions)' : 'n/a';
    lines.push(`  median nearest-neighbour step ${s.medianStep === undefined ? 'n/a' : `${fmt(s.medianStep)} px`}; probe rms radius ${fmt(s.probeRmsRadius ?? 0)} px; estimated linear overlap ${overlap}`);
    if (s.probeOutsideFraction !== undefined) {
      lines.push(`  probe energy outside the central ${s.N / 2}×${s.N / 2} square: ${(100 * s.probeOutsideFraction).toFixed(1)}%; \`run\` (--object-extent auto) will use the ${s.autoObjectExtent === 'center' ? "central-only head ('center')" : `full-field head ('${s.autoObjectExtent}')`}`);
    }
    if (s.countsPerPattern) lines.push(`  counts per pattern${s.excludedPixels ? ` (without the ${s.excludedPixels} flagged pixels of the warnings below)` : ''} min ${fmt(s.countsPerPattern.min)}, median ${fmt(s.countsPerPattern.median)}, max ${fmt(s.countsPerPattern.max)}; mean ${fmt(s.meanCounts!)}`);
    lines.push(`  objectGuess ${s.objectGuess ? `present (${s.objectGuess.join('×')})` : 'absent'}`);
    const ev = s.evaluation!;
    const b = ev.box;
    lines.push(ev.possible && b
      ? `  metrics: computable on the ${b.width}×${b.height} px scan box (columns ${b.col0}…${b.col0 + b.width - 1}, rows ${b.row0}…${b.row0 + b.height - 1})`
      : `  metrics: absent — ${ev.reason}`);
    if (s.metadata) lines.push(`  metadata ${JSON.stringify(s.metadata)}`);
  }
  for (const n of s.notes) lines.push(`  note: ${n}`);
  const as = `\`run\` with gridsize ${settings.gridsize}, K ${settings.K}${settings.strict ? ', --strict' : ''}`;
  const nw = s.warnings.length;
  lines.push(s.valid
    ? `  valid: yes, usable by ${as}${nw ? `; ${nw} warning${nw > 1 ? 's' : ''} below` : ''}`
    : `  valid: NO — ${s.problems.length} problem${s.problems.length > 1 ? 's' : ''} for ${as} (below)`);
  return lines;
}
