import FFT from 'fft.js';
import { isPowerOfTwo } from '../is-power-of-two.js';
import { nextPowerOfTwo } from '../next-power-of-two.js';

/**
 * 1-D forward DFT of one line of `n` complex values, interleaved `[re0, im0, re1, im1, …]`:
 * `out[k] = Σ_j in[j]·e^{−2πi jk/n}` (numpy's `fft`, unnormalized). `input` is not modified;
 * `out` must be a different buffer. Internal to the FFT of `@ptychojs/io`.
 */
export interface LineTransform {
  readonly n: number;
  forward(out: Float64Array, input: Float64Array): void;
}

/**
 * One FFT for the whole toolkit (SPEC §3 forward model, ePIE, the metrics' FRC and registration):
 * `fft.js` (radix-4, float64) for power-of-two lengths, Bluestein's chirp-z algorithm on top of
 * it for every other length, so any size is exact without padding. Plans are cached per length.
 *
 * Why `fft.js`: measured on this machine for a 64×64 complex 2-D transform (2174 transforms, one
 * ePIE iteration over 1087 patterns): fft.js 63 µs each, our former radix-2 129 µs, a
 * vector-radix-2 rewrite 92 µs, numpy's pocketfft 33 µs (see `bench/`).
 */
const plans = new Map<number, LineTransform>();

export function lineTransform(n: number): LineTransform {
  let p = plans.get(n);
  if (p) return p;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`fft: length must be a positive integer, got ${n}`);
  p = n === 1 ? identity() : isPowerOfTwo(n) ? radix4(n) : bluestein(n);
  if (plans.size > 64) plans.clear();
  plans.set(n, p);
  return p;
}

function identity(): LineTransform {
  return { n: 1, forward(out, input) { out[0] = input[0]!; out[1] = input[1]!; } };
}

function radix4(n: number): LineTransform {
  const f = new FFT(n);
  return { n, forward: (out, input) => f.transform(out, input) };
}

/**
 * Bluestein: with the chirp `c_k = e^{−iπk²/n}`, `X_k = c_k · Σ_j (x_j c_j)·conj(c_{k−j})`, a
 * circular convolution of length m = nextPowerOfTwo(2n − 1) done with two size-m FFTs.
 */
function bluestein(n: number): LineTransform {
  const m = nextPowerOfTwo(2 * n - 1);
  const f = new FFT(m);
  const chirp = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const a = (Math.PI * ((k * k) % (2 * n))) / n; // k² mod 2n keeps the angle small and exact
    chirp[2 * k] = Math.cos(a);
    chirp[2 * k + 1] = -Math.sin(a);
  }
  // FFT of conj(c) laid out circularly: b_k = b_{m−k} = conj(c_k).
  const b = new Float64Array(2 * m), fb = new Float64Array(2 * m);
  b[0] = chirp[0]!; b[1] = -chirp[1]!;
  for (let k = 1; k < n; k++) {
    b[2 * k] = b[2 * (m - k)] = chirp[2 * k]!;
    b[2 * k + 1] = b[2 * (m - k) + 1] = -chirp[2 * k + 1]!;
  }
  f.transform(fb, b);
  const a = new Float64Array(2 * m), fa = new Float64Array(2 * m);
  return {
    n,
    forward(out, input) {
      a.fill(0);
      for (let k = 0; k < n; k++) {
        const xr = input[2 * k]!, xi = input[2 * k + 1]!, cr = chirp[2 * k]!, ci = chirp[2 * k + 1]!;
        a[2 * k] = xr * cr - xi * ci;
        a[2 * k + 1] = xr * ci + xi * cr;
      }
      f.transform(fa, a);
      for (let k = 0; k < m; k++) {
        const xr = fa[2 * k]!, xi = fa[2 * k + 1]!, yr = fb[2 * k]!, yi = fb[2 * k + 1]!;
        fa[2 * k] = xr * yr - xi * yi;
        fa[2 * k + 1] = xr * yi + xi * yr;
      }
      f.inverseTransform(a, fa); // normalized by 1/m
      for (let k = 0; k < n; k++) {
        const yr = a[2 * k]!, yi = a[2 * k + 1]!, cr = chirp[2 * k]!, ci = chirp[2 * k + 1]!;
        out[2 * k] = yr * cr - yi * ci;
        out[2 * k + 1] = yr * ci + yi * cr;
      }
    },
  };
}
