import { describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { encodeNpz, encodeReconstruction } from '@ptychojs/io';
import { reconstructionImages } from './reconstruction-images.js';

describe('reconstructionImages', () => {
  it('renders amplitude and phase of a reconstruction NPZ with its frame', () => {
    const H = 24, W = 40, re = new Float32Array(H * W), im = new Float32Array(H * W);
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { const a = 0.5 + c / (2 * W), p = -Math.PI / 2 + (Math.PI * r) / H; re[r * W + c] = a * Math.cos(p); im[r * W + c] = a * Math.sin(p); }
    const npz = encodeNpz({ ...encodeReconstruction({ object: { shape: [H, W], re, im }, canvasOrigin: [12, -3] }) });
    const out = reconstructionImages(npz);
    expect([out.height, out.width]).toEqual([H, W]);
    expect(out.canvasOrigin).toEqual([12, -3]);
    for (const png of [out.amplitudePng, out.phasePng]) {
      const img = decode(png);
      // The image is magnified (round(256 / 40) = 6) and framed by a title and a colour bar, so the PNG is larger than H×W.
      expect(img.width).toBeGreaterThan(6 * W);
      expect(img.height).toBeGreaterThan(6 * H);
    }
  });

  it('names the file when the NPZ is not a reconstruction', () => {
    expect(() => reconstructionImages(encodeNpz({}), 'empty.npz')).toThrow(/empty\.npz/);
  });
});
