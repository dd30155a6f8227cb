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
});
