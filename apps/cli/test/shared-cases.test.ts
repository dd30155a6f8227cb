// The handed cases of ../shared/cases (README there), each run through the CLI as a user runs it
// (runCli in this process, the code the binary runs) and held to the behaviour its README expects.
// Before issue 9 (main at d76d7ce): 02a read as amplitudes (7.4e6 counts per pattern, no warning),
// 03b "valid: yes", 10b "valid: yes" with a 100% overlap, 19a "valid: yes" and `run` failing in
// evaluation with an internal key and no report.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, hasCases, runPtychoInProcess, tempDir } from './run-ptycho.js';

const tmp = tempDir();
const tally = { checked: new Set<string>(), rejected: new Set<string>(), warned: new Set<string>() };
afterAll(() => {
  tmp.cleanup();
  if (tally.checked.size) console.log(`../shared/cases: ${tally.checked.size} files checked, ${tally.rejected.size} rejected by inspect (${[...tally.rejected].join(', ')}), ${tally.warned.size} warned (${[...tally.warned].join(', ')})`);
});

// A tiny model and budget: these check behaviour and outputs, not reconstruction quality.
const TINY = ['--epochs', '1', '--filters-scale', '0.25', '--batch-size', '8', '--n-groups', '8', '--backend', 'wasm', '--nphotons', '1e4'];
const file = (name: string) => path.join(CASES, `${name}.npz`);
const out = (name: string) => path.join(tmp.dir, name);
const codes = (list: { code: string }[]) => list.map((i) => i.code);

/** `ptycho inspect CASE --json [flags]`: exit code, parsed summary and stderr. */
async function inspect(name: string, ...flags: string[]) {
  const r = await runPtychoInProcess(['inspect', file(name), '--json', ...flags]);
  const s = JSON.parse(r.stdout);
  if (flags.length === 0) {
    tally.checked.add(name);
    if (r.code === 2) tally.rejected.add(name);
    if (s.warnings.length > 0) tally.warned.add(name);
  }
  return { ...r, s };
}

/** A command that must refuse the case before writing anything: exit 2, `--out` never made. */
async function refusedUntouched(args: string[], outDir: string) {
  const before = fs.readFileSync(args[args.indexOf('--data') + 1]!);
  const r = await runPtychoInProcess([...args, '--out', outDir]);
  expect(r.code, r.stderr).toBe(2);
  expect(fs.existsSync(outDir)).toBe(false);
  expect(fs.readFileSync(args[args.indexOf('--data') + 1]!).equals(before)).toBe(true);
  expect(r.stderr).not.toContain('internal error');
  return r;
}

describe.skipIf(!hasCases)('every file in ../shared/cases behaves as its README expects (skipped: ../shared/cases absent)', () => {
  it('the README names every file, and this test covers each', () => {
    const readme = fs.readFileSync(path.join(CASES, 'README.md'), 'utf8');
    const covered = ['00_base', '02a_counts_uint16', '03b_all_zero_frames', '10b_coords_metres_no_object', '13a_float16_amplitude', '19a_one_position', '24c_both_keys_disagree', '22a_strong_phase_truth', '22a_strong_phase_recon', '22b_weak_phase_truth', '22b_weak_phase_recon'];
    const files = fs.readdirSync(CASES).filter((f) => f.endsWith('.npz')).map((f) => f.slice(0, -4));
    expect(files.sort()).toEqual([...covered].sort());
    for (const f of files) expect(readme.includes(f) || readme.includes(`${f.slice(0, 3)}`), f).toBe(true);
  });

  it('00_base: the well-formed original is clean, with metrics on its 35×35 scan box', async () => {
    const r = await inspect('00_base');
    expect(r.code, r.stderr).toBe(0);
    expect(r.s.problems).toEqual([]);
    expect(r.s.warnings).toEqual([]);
    expect(r.s.evaluation).toEqual({ possible: true, box: { col0: 34, row0: 34, width: 35, height: 35 } });
    // README: about 1e4 counts per pattern.
    expect(r.s.meanCounts).toBeGreaterThan(0.8e4);
    expect(r.s.meanCounts).toBeLessThan(1.2e4);
  });

  it('02a: uint16 counts are read as counts (dose ~1e4, not 7e6), with a warning saying so and how to say which it is', async () => {
    const r = await inspect('02a_counts_uint16');
    expect(r.code, r.stderr).toBe(0);
    expect(r.s.diffraction).toEqual({ kind: 'counts', stated: false, key: 'diff3d', storedDtype: 'uint16' });
    expect(codes(r.s.warnings)).toEqual(['diffraction-read-as-counts']);
    const w = r.s.warnings[0];
    expect(Object.keys(w).sort()).toEqual(['actual', 'code', 'expected', 'file', 'fix', 'key', 'message']);
    expect([w.file, w.key]).toEqual([file('02a_counts_uint16'), 'diff3d']);
    expect(w.message).toContain('uint16');
    expect(w.fix).toMatch(/--diffraction counts.*--diffraction amplitude/);
    expect(r.stderr).toContain(`warning: ${w.message} — ${w.fix}`);
    expect(r.s.meanCounts).toBeGreaterThan(0.8e4);
    expect(r.s.meanCounts).toBeLessThan(1.2e4);
    // Stated readings are silent; as amplitudes the same numbers hold ~7e6 counts (what main reported).
    const counts = await inspect('02a_counts_uint16', '--diffraction', 'counts');
    expect([counts.code, counts.s.warnings]).toEqual([0, []]);
    expect(counts.s.meanCounts).toBeCloseTo(r.s.meanCounts, 6);
    const amplitude = await inspect('02a_counts_uint16', '--diffraction', 'amplitude');
    expect([amplitude.code, amplitude.s.warnings]).toEqual([0, []]);
    expect(amplitude.s.meanCounts).toBeGreaterThan(5e6);
    // --strict: a pipeline must say which it is.
    const strict = await inspect('02a_counts_uint16', '--strict');
    expect(strict.code).toBe(2);
    expect(codes(strict.s.problems)).toEqual(['diffraction-read-as-counts']);
  });

  it('03b: all-zero frames are refused by inspect and by train, run and epie before anything is written, with no follow-on warnings', async () => {
    const r = await inspect('03b_all_zero_frames');
    expect(r.code).toBe(2);
    expect(codes(r.s.problems)).toEqual(['diffraction-all-zero']);
    expect(r.s.warnings).toEqual([]);
    expect(r.stderr).toMatch(/03b_all_zero_frames\.npz, key 'diff3d': every diffraction pattern is zero/);
    for (const [command, ...flags] of [['train', ...TINY], ['run', ...TINY], ['epie', '--iterations', '1']]) {
      const t = await refusedUntouched([command!, '--data', file('03b_all_zero_frames'), ...flags], out(`03b-${command}`));
      expect(t.stderr).toContain(`unusable for '${command}'`);
      expect(t.stderr).toContain("key 'diff3d'");
    }
  });

  it('10b: positions in metres are loudly warned (no false 100% overlap), refused under --strict, and the warning reaches summary.json and the report', async () => {
    const r = await inspect('10b_coords_metres_no_object');
    expect(r.code, r.stderr).toBe(0);
    expect(codes(r.s.warnings)).toEqual(['positions-units']);
    expect(r.s.warnings[0].message).toMatch(/metres/);
    expect(r.s.overlap).toBeUndefined();
    expect(r.stderr).toMatch(/^warning: .*10b_coords_metres_no_object\.npz, key 'xcoords': scan positions span/m);
    const strict = await inspect('10b_coords_metres_no_object', '--strict');
    expect([strict.code, codes(strict.s.problems)]).toEqual([2, ['positions-units']]);
    await refusedUntouched(['run', '--data', file('10b_coords_metres_no_object'), ...TINY, '--strict'], out('10b-strict'));
    const run = await runPtychoInProcess(['run', '--data', file('10b_coords_metres_no_object'), '--out', out('10b'), ...TINY, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*metres/m);
    const summary = JSON.parse(fs.readFileSync(path.join(out('10b'), 'summary.json'), 'utf8'));
    expect(codes(summary.warnings)).toEqual(['positions-units']);
    expect(summary.metrics).toBeNull();
    expect(summary.metricsAbsent).toMatch(/no objectGuess/);
    expect(JSON.parse(fs.readFileSync(path.join(out('10b'), 'train/config.json'), 'utf8')).warnings).toEqual(summary.warnings);
    expect(JSON.parse(fs.readFileSync(path.join(out('10b'), 'recon/reconstruction.json'), 'utf8')).warnings).toEqual(summary.warnings);
    const html = fs.readFileSync(path.join(out('10b'), 'report.html'), 'utf8');
    expect(html).toContain('Warnings about the data (1)');
    expect(html).toContain('<code>positions-units</code>');
  });

  it('13a: float16 amplitudes are accepted and reported as float16, as stored', async () => {
    const r = await inspect('13a_float16_amplitude');
    expect(r.code, r.stderr).toBe(0);
    expect(r.s.keys.find((k: { key: string }) => k.key === 'diff3d').dtype).toBe('float16');
    expect(r.s.diffraction.storedDtype).toBe('float16');
    expect(r.s.warnings).toEqual([]);
    expect(r.s.notes.join('\n')).toMatch(/stored as float16 \('<f2'\); read as float32/);
    expect(r.stderr).toMatch(/diff3d +\(36, 64, 64\) +float16/);
  });

  it('19a: one position is refused at gridsize 2 (the fix says gridsize 1); at gridsize 1 run finishes with the metrics marked absent and why', async () => {
    const r = await inspect('19a_one_position');
    expect(r.code).toBe(2);
    expect(codes(r.s.problems)).toEqual(['too-few-positions']);
    expect(r.s.problems[0].fix).toMatch(/gridsize 1/);
    await refusedUntouched(['train', '--data', file('19a_one_position'), ...TINY, '--gridsize', '2'], out('19a-g2'));
    const g1 = await inspect('19a_one_position', '--gridsize', '1');
    expect(g1.code, g1.stderr).toBe(0);
    expect(g1.s.evaluation.possible).toBe(false);
    expect(g1.s.evaluation.reason).toMatch(/1×1 px, smaller than the 11×11 SSIM window/);
    const run = await runPtychoInProcess(['run', '--data', file('19a_one_position'), '--out', out('19a'), ...TINY, '--gridsize', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('internal error');
    const summary = JSON.parse(run.stdout);
    expect(summary.metrics).toBeNull();
    expect(summary.metricsAbsent).toBe(g1.s.evaluation.reason);
    expect(fs.existsSync(path.join(out('19a'), 'recon/reconstruction.npz'))).toBe(true);
    // Issue 17: metrics.json holds the self-consistency block alone, saying why the metrics are absent;
    // one position is too few for a half-scan FRC, and the block says so.
    const m = JSON.parse(fs.readFileSync(path.join(out('19a'), 'recon/metrics.json'), 'utf8'));
    expect(m.amp_ssim).toBeUndefined();
    expect(m.metricsAbsent).toBe(g1.s.evaluation.reason);
    expect(m.selfConsistency.halfScanFrcAbsent).toMatch(/^1 scan position: too few/);
    expect(m.selfConsistency.overlap).toBeNull();
    expect(summary.selfConsistency.network.halfScanFrc).toBeNull();
    expect(fs.readFileSync(path.join(out('19a'), 'report.html'), 'utf8')).toContain(`Metrics absent: ${g1.s.evaluation.reason}`);
  });

  it('24c: diff3d and diffraction that differ are refused (exit 2) naming both keys, by inspect and train', async () => {
    const r = await inspect('24c_both_keys_disagree');
    expect(r.code).toBe(2);
    expect(codes(r.s.problems)).toEqual(['contract']);
    expect(r.s.problems[0].message).toMatch(/ambiguous input: both 'diff3d' and 'diffraction'/);
    const t = await refusedUntouched(['train', '--data', file('24c_both_keys_disagree'), ...TINY], out('24c'));
    expect(t.stderr).toMatch(/'diff3d'.*'diffraction'/);
  });

  it('22a/22b: the truth files are clean scans, and the same 0.05 rad phase error scores the same near ±π as near 0', async () => {
    for (const name of ['22a_strong_phase_truth', '22b_weak_phase_truth']) {
      const r = await inspect(name);
      expect([r.code, r.s.problems, r.s.warnings], name).toEqual([0, [], []]);
    }
    // The reconstruction files are not scans: inspect refuses them, naming the missing keys.
    for (const name of ['22a_strong_phase_recon', '22b_weak_phase_recon']) {
      const r = await inspect(name);
      expect(r.code).toBe(2);
      expect(r.s.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(/key 'xcoords': missing required key/);
    }
    const scores = async (c: string, profile: string) => {
      const r = await runPtychoInProcess(['evaluate', '--recon', file(`${c}_recon`), '--truth', file(`${c}_truth`), '--profile', profile, '--out', out(`${c}-${profile}`), '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    // README, before issue 8: phase MAE 0.49 vs 0.04. The error fields agree to float32 rounding.
    const [a, b] = [await scores('22a_strong_phase', 'standard'), await scores('22b_weak_phase', 'standard')];
    expect(b.phase_mae).toBeLessThan(0.045);
    expect(Math.abs(a.phase_mae - b.phase_mae)).toBeLessThan(1e-6);
    // PSNR with a fixed peak (PtychoPINN's R = 255) then depends on the error alone: equal
    // (README: 11.5 vs 19.2 dB before). The standard PSNR's peak is each truth's own phase range.
    const [pa, pb] = [await scores('22a_strong_phase', 'ptychopinn'), await scores('22b_weak_phase', 'ptychopinn')];
    expect(Math.abs(pa.phase_psnr - pb.phase_psnr)).toBeLessThan(1e-4);
  });
});
