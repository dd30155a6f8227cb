/**
 * `ptycho inspect FILE`: what is in a scan file and whether `run` can use it (SPEC §1, §3;
 * issue 9). It makes the same check as every other command (`checkScan`, as `run` with the given
 * settings), so it shows exactly what they refuse, every warning with its fix, and whether the
 * metrics can be computed; and which reader of the registry read the file and how each field was
 * mapped (issue 18). Frames are read once, by range, in bounded memory — or, for a large scan,
 * only a sample of them (`--sample`, issue 19).
 */
import { Option, type Command } from 'commander';
import { InputError } from '@ptychojs/io';
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
    .description('show what a scan file holds, which reader read it and how, whether `run` can use it (every problem: exit 2), and every warning with what to do')
    .argument('<file>', 'scan file: raw NPZ (SPEC §3), ptychodus product/diffraction HDF5 or NPZ, CXI (recognised by content)');
  for (const f of TRAIN_FLAGS.filter((t) => CHECKED.includes(t.key))) cmd.addOption(new Option(f.flag, `${f.help}: check as \`run\` would with it`));
  cmd.option('--config <file>', 'JSON file of training settings (as for `run`)');
  addScanOptions(cmd)
    .option('--sample <size>', "statistics from evenly spaced blocks of frames adding up to this size (e.g. 64M) when the scan holds more; 'all' reads every frame", '64M')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (file: string, flags: Record<string, unknown> & ScanFlags & { json?: boolean; quiet?: boolean; sample: string }) => {
      const ui = createUi(flags);
      const config = resolveTrainConfig(flags);
      const sampleBytes = sampleFlag(flags.sample);
      const check = await checkScanFile(file, { ...trainingScanSettings('inspect', flags, config), ...(sampleBytes !== undefined ? { sampleBytes } : {}), reporter: ui });
      const summary = summarizeScan(check);
      ui.result(summary);
      for (const line of formatSummary(summary, { gridsize: config.gridsize, K: config.K, strict: Boolean(flags.strict) })) ui.info(line);
      printScanFindings(ui, { warnings: summary.warnings });
      usableScan(check); // every problem: exit 2, listed with its fix
    });
}

/** The summary as text lines for the terminal (warnings and problems are printed apart: always shown). */
function formatSummary(s: ScanSummary, settings: { gridsize: number; K: number; strict: boolean }): string[] {
  const lines = [`${s.file}`, `  read by '${s.reader.name}': ${s.reader.format}`, '  arrays (dtype as stored in the file):'];
  const width = Math.max(...s.keys.map((k) => k.key.length), 4);
  for (const k of s.keys) lines.push(`    ${k.key.padEnd(width)}  ${`(${k.shape.join(', ')}${k.shape.length === 1 ? ',' : ''})`.padEnd(18)} ${k.dtype}`);
  const mapped = s.mapping.filter((m) => m.from !== m.field || m.how);
  if (mapped.length > 0) {
    lines.push('  fields (SPEC §3 ← file):');
    const w = Math.max(...mapped.map((m) => m.field.length));
    for (const m of mapped) lines.push(`    ${m.field.padEnd(w)} ← ${m.from}${m.how ? `: ${m.how}` : ''}`);
  }
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
    if (s.maskedPixels) lines.push(`  bad-pixel mask: ${s.maskedPixels} of ${s.N * s.N} pixels not measured (left out of every statistic, the loss and ePIE)`);
    if (s.sampledFrames !== undefined) lines.push(`  statistics below from a sample of ${s.sampledFrames} of ${s.M} frames (--sample all reads every frame)`);
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

/** `--sample`: bytes of frames to read for the statistics, or undefined for `all`. */
function sampleFlag(v: string): number | undefined {
  if (v === 'all') return undefined;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([kmgt]?)i?b?\s*$/i.exec(v);
  const unit = m ? { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 2 ** 20)) throw new InputError("must be a size of at least 1M, or 'all'", { key: '--sample', expected: "a size such as 64M, or 'all'", actual: v });
  return bytes;
}
