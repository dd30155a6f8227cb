import { describe, expect, it } from 'vitest';
import { reportHtml } from './report-html.js';

describe('reportHtml', () => {
  it('inlines each image as a base64 data URL, escapes text, and says when there is no ground truth', () => {
    const png = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 37) % 256); // larger than one encoding chunk
    const html = reportHtml({ title: 'a <b> & "c"', images: [{ caption: 'amp', png }], summary: { x: 1 }, config: { y: 2 } });
    // Node's own encoder is the independent reference.
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`);
    expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('No ground truth');
    expect(html).toContain('&quot;x&quot;: 1');
  });
});
