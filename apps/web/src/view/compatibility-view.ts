import type { Compatibility } from '@ptychojs/pipeline';
import { el } from './el.js';

const VERDICT: Record<Compatibility['verdict'], string> = {
  ok: 'the model fits this scan',
  warn: 'the model fits this scan, with warnings (expect lower quality)',
  refuse: 'the model does not fit this scan',
};

/**
 * The compatibility check's verdict and each finding on its own line, in the words `ptycho infer`
 * prints (`model check: …`). `forced`: the refusals were overridden (the CLI's `--force`).
 */
export function compatibilityView(c: Compatibility, forced: boolean): HTMLElement {
  return el('div', { class: 'compatibility', 'data-verdict': c.verdict },
    el('p', { class: 'verdict' }, `model check: ${c.verdict} — ${VERDICT[c.verdict]}${forced && c.verdict === 'refuse' ? '; reconstructed anyway, as you chose (ptycho infer --force)' : ''}`),
    el('ul', { class: 'findings' }, ...c.findings.map((f) => el('li', { class: `finding ${f.level}`, 'data-check': f.check, 'data-level': f.level }, `model check: ${f.message}`))),
  );
}
