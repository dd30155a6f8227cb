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
    expect(html).toContain('No ground truth');
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
});
