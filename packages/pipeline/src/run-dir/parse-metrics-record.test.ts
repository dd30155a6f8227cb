import { describe, expect, it } from 'vitest';
import { isInputError } from '@ptychojs/io';
import { evaluateReconstruction } from '@ptychojs/metrics';
import { metricsRecord } from './metrics-record.js';
import { parseMetricsRecord } from './parse-metrics-record.js';
import { parseRunSummary } from './parse-run-summary.js';

function tinyEvaluation() {
  // A 32×32 object with structure, and a noisy copy as the reconstruction, in the same frame.
  const H = 32, W = 32, n = H * W;
  const t = { shape: [H, W], re: new Float32Array(n), im: new Float32Array(n) };
  const r = { shape: [H, W], re: new Float32Array(n), im: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const a = 1 + 0.3 * Math.sin(i / 5), p = 0.5 * Math.cos(i / 7);
    t.re[i] = a * Math.cos(p); t.im[i] = a * Math.sin(p);
    r.re[i] = t.re[i]! + 0.05 * Math.sin(i * 12.9898); r.im[i] = t.im[i]! + 0.05 * Math.cos(i * 78.233);
  }
  return evaluateReconstruction(r, [0, 0], t, { xmin: 0, xmax: W - 1, ymin: 0, ymax: H - 1 });
}

describe('parseMetricsRecord', () => {
  it('reads back what metricsRecord writes, FRC curves included, through JSON', () => {
    const result = tinyEvaluation();
    const back = parseMetricsRecord(JSON.parse(JSON.stringify(metricsRecord(result, 'standard'))), 'metrics.json');
    expect(back.metrics).toEqual(result.metrics);
    expect(back.profile).toBe('standard');
    expect(back.frc!.amp.frequency).toEqual(Array.from(result.frc.amp.frequency));
    expect(back.frc!.phase.value).toEqual(Array.from(result.frc.phase.value).map((v) => (Number.isNaN(v) ? Number.NaN : v)));
  });

  it('reads non-finite values written as strings, and names the file and key of a bad value', () => {
    const ten = { amp_msssim: 1, phase_msssim: 1, amp_ssim: 1, phase_ssim: 1, amp_psnr: 'Infinity', phase_psnr: 'NaN', amp_mae: 0, phase_mae: 0, amp_frc50: 1, phase_frc50: 1 };
    const m = parseMetricsRecord(ten, 'm.json').metrics!;
    expect(m.amp_psnr).toBe(Infinity);
    expect(m.phase_psnr).toBeNaN();
    let err: unknown;
    try { parseMetricsRecord({ ...ten, amp_ssim: 'high' }, 'out/metrics.json'); } catch (e) { err = e; }
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^out\/metrics\.json, key 'amp_ssim': invalid metrics record/);
  });
});

describe('parseRunSummary', () => {
  it('accepts a run without ground truth and refuses metrics that are not the ten numbers', () => {
    expect(parseRunSummary({ metrics: null, out: 'x' }, 'summary.json')).toEqual({ metrics: null, fields: { metrics: null, out: 'x' } });
    expect(() => parseRunSummary({ metrics: { amp_ssim: 1 } }, 'summary.json')).toThrow(/summary\.json, key 'metrics\.amp_msssim'/);
    expect(() => parseRunSummary([], 'summary.json')).toThrow(/summary\.json/);
  });
});
