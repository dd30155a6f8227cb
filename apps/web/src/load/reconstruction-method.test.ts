import { describe, expect, it } from 'vitest';
import { reconstructionMethod } from './reconstruction-method.js';

// summary.json `methods` of `run --init-model DIR --refine 5 --compare-epie` (run-pipeline's order).
const methods = [
  { method: 'pretrained', dir: 'pretrained', seconds: 1 }, { method: 'network', dir: 'recon', seconds: 9 },
  { method: 'refined', dir: 'refined', seconds: 2 }, { method: 'epie', dir: 'epie', seconds: 3 },
];

describe('reconstructionMethod', () => {
  it('names the method of each directory listed in summary.json, relative to the summary', () => {
    expect(reconstructionMethod('pretrained/reconstruction.npz', 'summary.json', methods)).toBe('pretrained');
    expect(reconstructionMethod('recon/reconstruction.npz', 'summary.json', methods)).toBe('network');
    expect(reconstructionMethod('out/epie/reconstruction.npz', 'out/summary.json', methods)).toBe('epie');
    // --epochs 0: recon/ holds the pretrained network's reconstruction.
    expect(reconstructionMethod('recon/reconstruction.npz', 'summary.json', [{ method: 'pretrained', dir: 'recon' }])).toBe('pretrained');
  });

  it('says nothing for a directory the summary does not list, or a summary without methods or with malformed ones', () => {
    expect(reconstructionMethod('other/reconstruction.npz', 'summary.json', methods)).toBeUndefined();
    expect(reconstructionMethod('epie/reconstruction.npz', 'out/summary.json', methods)).toBeUndefined();
    expect(reconstructionMethod('recon/reconstruction.npz', undefined, methods)).toBeUndefined();
    expect(reconstructionMethod('recon/reconstruction.npz', 'summary.json', undefined)).toBeUndefined();
    expect(reconstructionMethod('recon/reconstruction.npz', 'summary.json', [null, 3, { dir: 'recon', method: 7 }])).toBeUndefined();
  });
});
