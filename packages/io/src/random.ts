/**
 * Seeded pseudo-random numbers shared by every stage (`--seed` makes runs repeatable, SPEC §1).
 * Generator: xoshiro128** seeded through splitmix32, so nearby seeds give unrelated streams.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number;
  /** Poisson(λ) draw; λ ≥ 0. Knuth for small λ, PTRS (Hörmann 1993) for λ ≥ 10. */
  poisson(lambda: number): number;
  /** In-place Fisher–Yates shuffle; returns its argument. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** A new independent generator derived from this one. */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Create a generator from an integer seed. The same seed always gives the same stream. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  const sm = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;

  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return r;
  };
  const next = (): number => (u32() * 2 ** 21 + (u32() >>> 11)) / 2 ** 53;

  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spare !== undefined) { const s = spare; spare = undefined; return s; }
      let u: number, v: number, s: number;
      do { u = 2 * next() - 1; v = 2 * next() - 1; s = u * u + v * v; } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * m;
      return u * m;
    },
    poisson(lambda) {
      if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poisson: rate must be finite and ≥ 0, got ${lambda}`);
      if (lambda === 0) return 0;
      if (lambda < 10) {
        const L = Math.exp(-lambda);
        let k = 0, p = 1;
        do { k++; p *= next(); } while (p > L);
        return k - 1;
      }
      return ptrs(lambda, next);
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = arr[i]; arr[i] = arr[j]; arr[j] = t;
      }
      return arr;
    },
    fork: () => createRng(u32() * 2 ** 20 + (u32() >>> 12)),
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) by Stirling's series (exact table below 10). */
function logFactorial(k: number): number {
  if (k < 10) { let f = 1; for (let i = 2; i <= k; i++) f *= i; return Math.log(f); }
  const k1 = k + 1;
  return (k1 - 0.5) * Math.log(k1) - k1 + LOG_SQRT_2PI + 1 / (12 * k1) - 1 / (360 * k1 ** 3);
}

/** Hörmann's PTRS transformed rejection sampler, valid for λ ≥ 10. */
function ptrs(lambda: number, next: () => number): number {
  const slam = Math.sqrt(lambda), loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = next() - 0.5, V = next();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}
