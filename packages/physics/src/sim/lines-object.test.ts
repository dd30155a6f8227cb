import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { linesObject } from './lines-object.js';

const amp = (re: Float32Array, im: Float32Array) => Float64Array.from(re, (r, i) => Math.hypot(r, im[i]!));
const phase = (re: Float32Array, im: Float32Array) => Float64Array.from(re, (r, i) => Math.atan2(im[i]!, r));

describe('linesObject', () => {
  it('is repeatable per seed and differs between seeds', () => {
    const a = linesObject({ height: 40, width: 50, rng: createRng(1) });
    const b = linesObject({ height: 40, width: 50, rng: createRng(1) });
    const c = linesObject({ height: 40, width: 50, rng: createRng(2) });
    expect(a.shape).toEqual([40, 50]);
    expect(b.re).toEqual(a.re);
    expect(b.im).toEqual(a.im);
    expect(c.re).not.toEqual(a.re);
  });

  it('keeps amplitude in [0.5, 1] and phase in [0, π/2], with a uniform background and lines reaching the maximum', () => {
    const o = linesObject({ height: 160, width: 160, rng: createRng(3) });
    const A = amp(o.re, o.im), P = phase(o.re, o.im);
    // Float32 planes: |z| and arg z carry ≈ 1e-7 rounding, hence the 1e-6 slack.
    expect(Math.min(...A)).toBeGreaterThan(0.5 - 1e-6);
    expect(Math.max(...A)).toBeLessThan(1 + 1e-6);
    expect(Math.min(...P)).toBeGreaterThan(-1e-6);
    expect(Math.max(...P)).toBeLessThan(Math.PI / 2 + 1e-6);
    // Thin lines on a background: most pixels at the background, some on a line's centre.
    const bg = A.filter((a) => a < 0.5 + 1e-4).length / A.length;
    expect(bg).toBeGreaterThan(0.4);
    expect(bg).toBeLessThan(0.95);
    expect(A.filter((a) => a > 0.99).length).toBeGreaterThan(50);
    expect(P.filter((p) => p > 0.99 * Math.PI / 2).length).toBeGreaterThan(50);
  });

  it('draws a line as exp(−d²/2σ²) of the distance d to a segment with endpoints uniform over the enlarged object', () => {
    // One line, amplitude = L, no phase: every pixel must equal the Gaussian profile of its distance
    // to the segment whose endpoints (r0, c0, r1, c1) are the first four uniforms u of the stream,
    // mapped by (1.5u − 0.25)·side (the documented draw), and zero beyond 4σ.
    const H = 48, W = 64, sigma = 2;
    const o = linesObject({ height: H, width: W, rng: createRng(4), lines: 1, lineWidth: sigma, amplitudeRange: [0, 1], phaseMax: 0 });
    const u = createRng(4);
    const r0 = (1.5 * u.next() - 0.25) * H, c0 = (1.5 * u.next() - 0.25) * W, r1 = (1.5 * u.next() - 0.25) * H, c1 = (1.5 * u.next() - 0.25) * W;
    let onLine = 0;
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
      const dr = r1 - r0, dc = c1 - c0, t = Math.min(1, Math.max(0, ((r - r0) * dr + (c - c0) * dc) / (dr * dr + dc * dc)));
      const d = Math.hypot(r - r0 - t * dr, c - c0 - t * dc);
      const want = d > 4 * sigma ? 0 : Math.exp(-(d * d) / (2 * sigma * sigma));
      // Float32 planes: 1e-6 absolute.
      expect(Math.abs(o.re[r * W + c]! - want)).toBeLessThan(1e-6);
      if (want > 0.5) onLine++;
    }
    expect(onLine).toBeGreaterThan(20); // the segment does cross this object for seed 4
  });

  it('honours the amplitude range and phase maximum', () => {
    const o = linesObject({ height: 32, width: 32, rng: createRng(5), amplitudeRange: [0.2, 0.4], phaseMax: 1 });
    const A = amp(o.re, o.im), P = phase(o.re, o.im);
    expect(Math.min(...A)).toBeCloseTo(0.2, 5);
    expect(Math.max(...A)).toBeLessThan(0.4 + 1e-6);
    expect(Math.max(...P)).toBeLessThan(1 + 1e-6);
  });

  it('refuses bad sizes and options with an InputError', () => {
    expect(() => linesObject({ height: 0, width: 10, rng: createRng(0) })).toThrow(InputError);
    expect(() => linesObject({ height: 10, width: 10, rng: createRng(0), lineWidth: 0 })).toThrow(/lineWidth/);
    expect(() => linesObject({ height: 10, width: 10, rng: createRng(0), amplitudeRange: [1, 0.5] })).toThrow(/amplitudeRange/);
  });
});
