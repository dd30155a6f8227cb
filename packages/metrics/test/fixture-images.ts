/**
 * The closed-form test images of scripts/make_fixtures.py, reproduced bit for bit (integer hash
 * with 32-bit wrap-around; the float64 trigonometry agrees with numpy to an ulp or so).
 */
import type { ComplexArray } from '@ptychojs/io';

function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Uniform in [−0.5, 0.5), a function of (row, col, k) only. */
export function hashNoise(H: number, W: number, k: number): Float64Array {
  const out = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const h = (Math.imul(r, 73856093) ^ Math.imul(c, 19349663) ^ Math.imul(k, 83492791)) >>> 0;
    out[r * W + c] = lowbias32(h) / 2 ** 32 - 0.5;
  }
  return out;
}

export function pattern(H: number, W: number, k: number): Float64Array {
  const n = hashNoise(H, W, k), s = Math.min(H, W), out = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const blob = Math.exp(-((r - H / 3) ** 2 + (c - W / 2) ** 2) / (2 * (0.15 * s) ** 2));
    out[r * W + c] = Math.sin(0.19 * r + 0.4 * k) * Math.cos(0.23 * c - 0.1 * k) + 0.6 * blob + 0.3 * n[r * W + c]!;
  }
  return out;
}

export function imagePair(H: number, W: number): [Float64Array, Float64Array] {
  const x = pattern(H, W, 1), n = hashNoise(H, W, 2), y = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const i = r * W + c;
    y[i] = 0.9 * x[i]! + 0.05 + 0.15 * n[i]! + 0.2 * Math.sin(0.05 * c);
  }
  return [x, y];
}

/** A smooth truth (no noise: its periodic extension jumps at the crop edges) and the truth plus weak white noise. */
function smoothPair(H: number, W: number): [Float64Array, Float64Array] {
  const n = hashNoise(H, W, 7), x = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    x[r * W + c] = Math.sin(0.19 * r + 0.4) * Math.cos(0.23 * c - 0.1) + 0.8 * Math.exp(-((r - H / 3) ** 2 + (c - W / 2) ** 2) / (2 * (0.15 * H) ** 2));
  }
  return [x, x.map((v, i) => v + 0.05 * n[i]!)];
}

/** The image pair a fixture entry of scripts/make_fixtures.py was computed on (E: noisy, S: smooth, others: imagePair). */
export function fixturePair(name: string, H: number, W: number): [Float64Array, Float64Array] {
  return name === 'E' ? noisyPair(H, W) : name === 'S' ? smoothPair(H, W) : imagePair(H, W);
}

export function noisyPair(H: number, W: number): [Float64Array, Float64Array] {
  const x = pattern(H, W, 1), n = hashNoise(H, W, 3);
  return [x, x.map((v, i) => v + 0.6 * n[i]!)];
}

function polar(A: Float64Array, P: Float64Array, H: number, W: number): ComplexArray {
  return { shape: [H, W], re: Float32Array.from(A, (a, i) => a * Math.cos(P[i]!)), im: Float32Array.from(A, (a, i) => a * Math.sin(P[i]!)) };
}

/**
 * The end-to-end case: truth (120, 130); recon (110, 115) with canvasOrigin [8, 5]. `shift` (radians)
 * is added to both phases (π: the same object with its phase near ±π).
 */
export function evaluationCase(shift = 0): { truth: ComplexArray; recon: ComplexArray; origin: [number, number] } {
  const Ht = 120, Wt = 130, H = 110, W = 115, x0 = 8, y0 = 5;
  const amp = pattern(Ht, Wt, 3).map((v) => 0.6 + 0.3 * v), ph = pattern(Ht, Wt, 4).map((v) => 1.2 * v + shift);
  const n5 = hashNoise(H, W, 5), n6 = hashNoise(H, W, 6), A = new Float64Array(H * W), P = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const i = r * W + c, t = (r + y0) * Wt + c + x0;
    A[i] = 0.8 * amp[t]! * (1 + 0.5 * n5[i]!);
    P[i] = ph[t]! + 0.7 + 0.004 * c - 0.003 * r + 1.0 * n6[i]!;
  }
  return { truth: polar(amp, ph, Ht, Wt), recon: polar(A, P, H, W), origin: [x0, y0] };
}
