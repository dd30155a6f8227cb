import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz, parseNpz, parseReconstruction } from '@ptychojs/io';
import { hasShared, runPtycho, SHARED, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

// A deliberately tiny model and budget: this checks the pipeline's outputs and contracts, not
// reconstruction quality (that is the demo's and the benchmark's job).
const TINY = ['--epochs', '1', '--filters-scale', '0.25', '--n-groups', '24', '--batch-size', '8', '--gridsize', '2', '--nphotons', '1e6', '--backend', 'wasm'];

describe.skipIf(!hasShared)('ptycho run on the golden scan (needs ../shared/data)', () => {
  const data = path.join(SHARED, 'golden/smooth_object_scan.npz');
  const out = path.join(tmp.dir, 'run');

  it('writes every output of SPEC §3 and the report, with the ten metrics', () => {
    const r = runPtycho(['run', '--data', data, '--out', out, ...TINY, '--refine', '2', '--compare-epie', '3', '--epie-alpha', '0.5', '--json'], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    for (const f of ['train/model/model.json', 'train/config.json', 'train/probe.npz', 'train/history.json', 'train/loss.png', 'train/checkpoint',
      'recon/reconstruction.npz', 'recon/reconstruction.json', 'recon/amplitude.png', 'recon/phase.png', 'recon/frc.png', 'recon/metrics.json', 'report.html', 'summary.json']) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(Object.keys(summary.metrics)).toHaveLength(10);
    const rec = parseReconstruction(parseNpz(new Uint8Array(fs.readFileSync(path.join(out, 'recon/reconstruction.npz')))), 'reconstruction.npz');
    // Every scan position (M = 529) is reconstructed, so the canvas spans the scan (33.5…122.5 px) plus the central crop.
    expect(rec.canvasOrigin[0]).toBeLessThanOrEqual(34 - 10);
    expect(rec.canvasOrigin[0] + rec.object.shape[1]!).toBeGreaterThanOrEqual(122 + 10);
    const cfg = JSON.parse(fs.readFileSync(path.join(out, 'train/config.json'), 'utf8'));
    expect(cfg.backend.name).toBe('wasm');
    expect(cfg.version).toBe(2);
    expect(cfg.data.N).toBe(64);
    expect(cfg.config.gridsize).toBe(2);
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    // The report shows the PNGs the run wrote, byte for byte (handed over by the writers, not read back).
    const written = new Set(fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png')).map((f) => fs.readFileSync(path.join(out, f)).toString('base64')));
    const shown = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(10);
    for (const b of shown) expect(written.has(b)).toBe(true);
    expect(html).toContain('MS-SSIM');
    // stderr is a pipe here, not a terminal: progress is plain lines, one per epoch and at most one
    // per 10% of inference, never bar frames.
    expect(r.stderr).not.toMatch(/[░█]/);
    expect(r.stderr.match(/^epoch \d+: loss/gm)).toHaveLength(summary.train.epochs);
    expect(r.stderr).not.toMatch(/^epoch \d+\/\d+/m);
    const inferLines = r.stderr.match(/^infer \d+% \| \d+\/\d+ groups \| .* groups\/s \| ETA \d+s$/gm) ?? [];
    expect(inferLines.length).toBeGreaterThanOrEqual(1);
    expect(inferLines.length).toBeLessThanOrEqual(10);
    expect(inferLines.at(-1)).toMatch(/^infer 100% \| 529\/529 groups/);
    // --refine 2 --compare-epie 3: the network, refined and ePIE side by side, each scored.
    expect(summary.methods.map((m: { method: string }) => m.method)).toEqual(['network', 'refined', 'epie']);
    expect(summary.methods.map((m: { iterations?: number }) => m.iterations)).toEqual([undefined, 2, 3]);
    expect(summary.methods[0].metrics).toEqual(summary.metrics);
    for (const m of summary.methods) expect(Object.keys(m.metrics)).toHaveLength(10);
    for (const f of ['refined/reconstruction.npz', 'refined/metrics.json', 'refined/cost.png', 'epie/reconstruction.npz', 'epie/metrics.json']) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    expect(summary.methods[1].totalSeconds).toBeCloseTo(summary.methods[0].seconds + summary.methods[1].seconds, 6);
    expect(html).toContain('Methods side by side');
    expect(html).toContain('network + ePIE refinement: amplitude');
    // Issue 17: self-consistency for every method, beside the metrics vs truth.
    expect(Object.keys(summary.selfConsistency)).toEqual(['network', 'refined', 'epie']);
    for (const dir of ['recon', 'refined', 'epie']) {
      const m = JSON.parse(fs.readFileSync(path.join(out, dir, 'metrics.json'), 'utf8'));
      expect(m.amp_ssim, dir).toBeTypeOf('number');
      expect(m.selfConsistency.residuals.perPosition.normalizedDeviance, dir).toHaveLength(529);
      expect(m.selfConsistency.halfScanFrc.split, dir).toBe('checkerboard');
      for (const f of ['residual_map.png', 'scan.png', 'fluence.png', 'amplitude_reliable.png']) expect(fs.existsSync(path.join(out, dir, f)), `${dir}/${f}`).toBe(true);
    }
    expect(html).toContain('Quality without ground truth');
    expect(html).toContain('amp SSIM vs truth');
    expect(html).toContain('cropped to the reliably reconstructed region');
  });

  it('on a scan without objectGuess writes the self-consistency block, residual map, half-scan FRC and fluence map for every method', () => {
    const arrays = parseNpz(new Uint8Array(fs.readFileSync(data)));
    delete (arrays as Record<string, unknown>).objectGuess;
    const noTruth = path.join(tmp.dir, 'no-truth.npz');
    fs.writeFileSync(noTruth, encodeNpz(arrays));
    const dir = path.join(tmp.dir, 'run-no-truth');
    const r = runPtycho(['run', '--data', noTruth, '--out', dir, ...TINY, '--n-groups', '8', '--compare-epie', '2', '--json'], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.metrics).toBeNull();
    expect(Object.keys(summary.selfConsistency)).toEqual(['network', 'epie']);
    for (const [method, dir2] of [['network', 'recon'], ['epie', 'epie']] as const) {
      const s = summary.selfConsistency[method];
      expect(s.normalizedDeviance, method).toBeGreaterThan(0);
      expect(s.halfScanFrc.resolutionPixels, method).toBeGreaterThanOrEqual(1);
      const m = JSON.parse(fs.readFileSync(path.join(dir, dir2, 'metrics.json'), 'utf8'));
      expect(m.amp_ssim).toBeUndefined();
      expect(m.metricsAbsent).toMatch(/objectGuess/);
      for (const f of ['residual_map.png', 'fluence.png', 'scan.png']) expect(fs.existsSync(path.join(dir, dir2, f)), `${dir2}/${f}`).toBe(true);
    }
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('half-scan FRC (network)');
    expect(html).toContain('½-bit threshold');
    expect(html).toContain('data residuals per position (ePIE from flat)');
  });

  it('refuses bad --refine, --compare-epie and --epie-alpha values (exit 2, naming the flag) before making anything', () => {
    for (const [flag, v] of [['--refine', '0'], ['--compare-epie', '2.5'], ['--epie-alpha', '1.5']] as const) {
      const dir = path.join(tmp.dir, `bad${flag}`);
      const r = runPtycho(['run', '--data', data, '--out', dir, flag, v]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(fs.existsSync(dir)).toBe(false);
    }
  });

  it('refuses to overwrite a finished run (exit 2) and leaves it untouched', () => {
    const before = fs.readFileSync(path.join(out, 'summary.json'));
    const r = runPtycho(['run', '--data', data, '--out', out, ...TINY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/finished run/);
    expect(fs.readFileSync(path.join(out, 'summary.json')).equals(before)).toBe(true);
  });

  it('train --test reconstructs and scores a held-out scan into RUN/test/', () => {
    const runDir = path.join(tmp.dir, 'with-test');
    const r = runPtycho(['train', '--data', data, '--out', runDir, '--test', data, ...TINY, '--json'], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(Object.keys(res.testMetrics)).toHaveLength(10);
    for (const f of ['test/reconstruction.npz', 'test/amplitude.png', 'test/frc.png', 'config.json']) expect(fs.existsSync(path.join(runDir, f)), f).toBe(true);
  });

  it('train --dry-run prints the resolved configuration; a bad flag value names the key', () => {
    const r = runPtycho(['train', '--data', data, '--out', path.join(tmp.dir, 'dry'), '--epochs', '7', '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { config } = JSON.parse(r.stdout);
    expect(config.epochs).toBe(7);
    expect(config.gridsize).toBe(2);
    expect(config.batchSize).toBe(16);
    const bad = runPtycho(['train', '--data', data, '--out', path.join(tmp.dir, 'bad'), '--gridsize', 'two']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/gridsize/);
    expect(fs.existsSync(path.join(tmp.dir, 'bad'))).toBe(false);
  });
});
