import { describe, expect, it } from 'vitest';
import { reportHtml } from './report-html.js';

describe('reportHtml', () => {
  it('inlines each image as a base64 data URL, escapes text, and says when there is no ground truth', () => {
    const png = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 37) % 256); // larger than one encoding chunk
    const html = reportHtml({ title: 'a <b> & "c"', images: [{ caption: 'amp', png }], summary: { x: 1 }, config: { y: 2 } });
    // Node's own encoder is the independent reference.
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`);
    expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('Metrics absent: no ground truth (objectGuess) in the data');
    expect(html).not.toContain('Warnings about the data');
    expect(html).toContain('&quot;x&quot;: 1');
  });

  it('shows each warning with its fix before the reconstruction, and why metrics are absent', () => {
    const warning = { code: 'positions-units', message: "s.npz, key 'xcoords': span 1e-6 px <metres?>", file: 's.npz', key: 'xcoords', expected: 'pixels', actual: '1e-6', fix: 'divide by the pixel size & retry' };
    const html = reportHtml({ title: 't', images: [], warnings: [warning, { ...warning, code: 'duplicate-positions' }], metricsAbsent: 'the scan box inside objectGuess is 1×1 px', summary: {}, config: {} });
    expect(html).toContain('Warnings about the data (2)');
    expect(html).toContain("<li><code>positions-units</code> s.npz, key 'xcoords': span 1e-6 px &lt;metres?&gt;<br><b>What to do:</b> divide by the pixel size &amp; retry</li>");
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
    expect(html).toContain('<h2>Network, refined and ePIE side by side</h2>');
    expect(html).toContain('<tr><td>network + ePIE refinement</td><td>50</td><td>0.30</td><td>0.9000</td><td>0.9000</td><td>0.9000</td><td>0.9000</td><td>0.4500</td><td>0.4500</td><td>20.3</td><td>80.3</td></tr>');
    // Without ground truth the metric cells are empty, the timings remain.
    expect(html).toContain('<tr><td>ePIE from flat</td><td>300</td><td>1.00</td><td></td><td></td><td></td><td></td><td></td><td></td><td>100.0</td><td>100.0</td></tr>');
    expect(reportHtml({ title: 't', images: [], summary: {}, config: {} })).not.toContain('side by side');
  });
});
