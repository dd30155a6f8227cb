// The kinds of input in ../shared/cases (README there) that ptychojs once handled wrongly, each
// read as `inspect` and `run` read a file (readNpzFile → checkRawData → assessScan), with the
// amplitude reading: the CLI reads 02a's uint16 as counts by default (apps/cli/test/shared-cases.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRawData } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { assessScan } from '../src/scan/assess-scan.js';
import type { AssessScanSettings } from '../src/scan/assess/types.js';
import { SCAN_NEEDS, type ScanCommand } from '../src/scan/check-scan.js';

const CASES = path.resolve(import.meta.dirname, '../../../../shared/cases');
const hasCases = fs.existsSync(path.join(CASES, '00_base.npz'));

function read(name: string, settings: Omit<AssessScanSettings, 'needs'> & { command?: ScanCommand } = {}) {
  const file = path.join(CASES, name);
  const arrays = readNpzFile(file);
  const check = checkRawData(arrays, file);
  const { command = 'run', ...rest } = settings;
  const a = check.raw ? assessScan(check.raw, { needs: SCAN_NEEDS[command], ...rest }) : undefined;
  return { arrays, check, a, codes: { problems: a?.problems.map((p) => p.code) ?? [], warnings: a?.warnings.map((w) => w.code) ?? [] } };
}

describe.skipIf(!hasCases)('the kinds in ../shared/cases (skipped: ../shared/cases absent)', () => {
  it('00_base: valid for run, no warnings, metrics possible on the 35×35 scan box', () => {
    const r = read('00_base.npz');
    expect(r.check.problems).toEqual([]);
    expect(r.codes).toEqual({ problems: [], warnings: [] });
    // positions 34 … 68 px: crop columns/rows 34…68 = 35 px.
    expect(r.a!.evaluation).toEqual({ possible: true, box: { col0: 34, row0: 34, width: 35, height: 35 } });
    // README: about 1e4 counts per pattern.
    expect(r.a!.stats.meanCounts).toBeGreaterThan(0.8e4);
    expect(r.a!.stats.meanCounts).toBeLessThan(1.2e4);
  });

  it('02a: uint16 counts read as amplitudes get a warning that names the dtype and both readings', () => {
    const r = read('02a_counts_uint16.npz');
    expect(r.check.problems).toEqual([]);
    expect(r.codes).toEqual({ problems: [], warnings: ['diffraction-looks-like-counts'] });
    const w = r.a!.warnings[0]!;
    expect(w.message).toContain('uint16');
    expect(w.key).toBe('diff3d');
    expect(w.fix).toMatch(/counts/);
    // As counts the dose is the README's ~1e4 per pattern.
    expect(r.a!.stats.countsPerPattern!.median).toBeGreaterThan(0.8e4);
    expect(r.a!.stats.countsPerPattern!.median).toBeLessThan(1.2e4);
    // Under strict the warning refuses the scan.
    expect(read('02a_counts_uint16.npz', { strict: true }).codes.problems).toEqual(['diffraction-looks-like-counts']);
  });

  it('03b: all-zero patterns are refused for every command that reads diffraction, with no follow-on warnings', () => {
    for (const command of ['inspect', 'train', 'infer', 'run', 'epie'] as const) {
      const r = read('03b_all_zero_frames.npz', { command });
      expect(r.codes, command).toEqual({ problems: ['diffraction-all-zero'], warnings: [] });
      expect(r.a!.problems[0]!.message).toContain('03b_all_zero_frames.npz');
    }
  });

  it('10b: positions in metres are flagged as not pixels, without duplicate or overlap follow-ons', () => {
    const r = read('10b_coords_metres_no_object.npz');
    expect(r.codes).toEqual({ problems: [], warnings: ['positions-units'] });
    expect(r.a!.warnings[0]!.message).toMatch(/metres/);
    expect(r.a!.evaluation.possible).toBe(false);
    expect(read('10b_coords_metres_no_object.npz', { strict: true }).codes.problems).toEqual(['positions-units']);
  });

  it('13a: float16 amplitudes are accepted and reported as float16', () => {
    const r = read('13a_float16_amplitude.npz');
    expect(r.arrays.diff3d!.storedDescr).toBe('<f2');
    expect(r.check.raw!.storedDtypes!.diff3d).toBe('float16');
    expect(r.check.notes.join('\n')).toMatch(/'diff3d' is stored as float16 \('<f2'\); read as float32/);
    expect(r.codes).toEqual({ problems: [], warnings: [] });
  });

  it('19a: one position is refused for gridsize 2 and, at gridsize 1, runs with metrics reported absent and why', () => {
    const r = read('19a_one_position.npz');
    expect(r.codes.problems).toEqual(['too-few-positions']);
    expect(r.a!.problems[0]!.fix).toMatch(/gridsize 1/);
    const g1 = read('19a_one_position.npz', { gridsize: 1 });
    expect(g1.codes).toEqual({ problems: [], warnings: ['metrics-unavailable'] });
    expect(g1.a!.evaluation.possible).toBe(false);
    expect(g1.a!.evaluation.reason).toMatch(/1×1 px, smaller than the 11×11 SSIM window/);
    // `evaluate` cannot proceed at all.
    expect(read('19a_one_position.npz', { command: 'evaluate' }).codes.problems).toEqual(['evaluation-box-too-small']);
  });

  it('24c: diff3d and diffraction that differ are refused naming both keys', () => {
    const r = read('24c_both_keys_disagree.npz');
    expect(r.check.raw).toBeUndefined();
    expect(r.check.problems).toHaveLength(1);
    expect(r.check.problems[0]).toMatch(/'diff3d'.*'diffraction'/);
    expect(r.check.problems[0]).toMatch(/ambiguous/);
  });

  it('22a/22b truth files are clean scans', () => {
    for (const f of ['22a_strong_phase_truth.npz', '22b_weak_phase_truth.npz']) expect(read(f).codes).toEqual({ problems: [], warnings: [] });
  });
});
