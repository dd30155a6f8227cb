import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '@ptychojs/model';
import { reportHtml } from './report-html.js';

const metrics = { amp_msssim: 0.9, phase_msssim: 0.8, amp_ssim: 0.7, phase_ssim: 0.6, amp_psnr: Infinity, phase_psnr: 20.123456, amp_mae: 0.01, phase_mae: 0.02, amp_frc50: 0.5, phase_frc50: 0.25 };
const history: EpochRecord[] = [0, 1, 2].map((epoch) => ({ epoch, loss: 3 - epoch, nll: 3 - epoch, mae: 0, tv: 0, realspace: 0, valLoss: 3.5 - epoch, lr: 1e-3, seconds: 1, samplesPerSec: 5 }));

describe('reportHtml', () => {
  it('inlines each image as a base64 data URL, escapes text, and says when there is no ground truth', () => {
    const png = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 37) % 256); // larger than one encoding chunk
    const html = reportHtml({ title: 'a <b> & "c"', images: [{ caption: 'amp', png }], summary: { x: '<script>alert(1)</script>' }, config: { y: 2 } });
    // Node's own encoder is the independent reference.
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`);
    expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('Metrics absent: no ground truth (objectGuess) in the data');
    expect(html).not.toContain('Warnings about the data');
    expect(html).not.toContain('<script');
    expect(html).toContain('<tr><th scope="row">x</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>');
  });

  it('shows the metrics as a table, the summary and config as key/value tables, and the curves as inline SVG charts', () => {
    const frc = { amp: { frequency: [0.1, 0.5, 0.9], value: [0.95, 0.6, 0.2] }, phase: { frequency: [0.1, 0.5, 0.9], value: [0.9, 0.4, 0.1] } };
    const html = reportHtml({ title: 't', images: [], metrics, frc, history, summary: { infer: { shape: [48, 47] } }, config: { config: { gridsize: 2 } } });
    expect(html).toMatch(/<td[^>]*>PSNR <small>[^<]*<\/small><\/td><td>Infinity<\/td><td>20\.1235<\/td>/);
    expect(html).toContain('<th scope="row">infer.shape</th><td>48, 47</td>');
    expect(html).toContain('<th scope="row">config.gridsize</th><td>2</td>');
    expect(html.match(/<svg /g)).toHaveLength(3); // total+validation, Poisson NLL, FRC
    expect(html).toContain('data-title="Fourier ring correlation (standard)"');
    expect(html).toMatch(/<path class="series" data-name="validation" data-points="3"/);
    expect(html).not.toContain('<pre>');
  });

  it('shows each warning with its fix before the reconstruction, and why metrics are absent', () => {
    const warning = { code: 'positions-units', message: "s.npz, key 'xcoords': span 1e-6 px <metres?>", file: 's.npz', key: 'xcoords', expected: 'pixels', actual: '1e-6', fix: 'divide by the pixel size & retry' };
    const html = reportHtml({ title: 't', images: [], warnings: [warning, { ...warning, code: 'duplicate-positions' }], metricsAbsent: 'the scan box inside objectGuess is 1×1 px', summary: {}, config: {} });
    expect(html).toContain('Warnings about the data (2)');
    expect(html).toContain("<li><code>positions-units</code> s.npz, key &#39;xcoords&#39;: span 1e-6 px &lt;metres?&gt;<br><b>What to do:</b> divide by the pixel size &amp; retry</li>");
    expect(html.indexOf('Warnings about the data')).toBeLessThan(html.indexOf('<h2>Reconstruction</h2>'));
    expect(html).toContain('Metrics absent: the scan box inside objectGuess is 1×1 px.');
  });

  it('shows network, refined and ePIE side by side when given, and nothing of the kind otherwise', () => {
    const m = (v: number) => ({ amp_msssim: v, phase_msssim: v, amp_ssim: v, phase_ssim: v, amp_psnr: 30, phase_psnr: 30, amp_mae: 0.1, phase_mae: 0.1, amp_frc50: v / 2, phase_frc50: v / 2 });
    const methods = [
      { method: 'network', dir: 'recon', seconds: 60, totalSeconds: 60, metrics: m(0.8) },
      { method: 'refined', dir: 'refined', iterations: 50, alpha: 0.3, finalCost: 0.01, seconds: 20.25, totalSeconds: 80.25, metrics: m(0.9) },
      { method: 'epie', dir: 'epie', iterations: 300, alpha: 1, finalCost: 0.02, seconds: 100, totalSeconds: 100, metrics: null },
    ] as const;
    const html = reportHtml({ title: 't', images: [], metrics: m(0.8), methods, summary: {}, config: {} });
    expect(html).toContain('<h2>Methods side by side</h2>');
    expect(html).toContain('<tr><td>network + ePIE refinement</td><td>50</td><td>0.30</td><td>0.9000</td><td>0.9000</td><td>0.9000</td><td>0.9000</td><td>0.4500</td><td>0.4500</td><td>20.3</td><td>80.3</td></tr>');
    // Without ground truth the metric cells are empty, the timings remain.
    expect(html).toContain('<tr><td>ePIE from flat</td><td>300</td><td>1.00</td><td></td><td></td><td></td><td></td><td></td><td></td><td>100.0</td><td>100.0</td></tr>');
    expect(reportHtml({ title: 't', images: [], summary: {}, config: {} })).not.toContain('side by side');
  });
});
