/** Tick positions and labels for axes and colour bars. */

/** "Nice" step (1, 2 or 5 × 10^k) giving about `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw)), f = raw / p;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

/** Multiples of a nice step inside [lo, hi] (inclusive, with a little tolerance). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep(lo, hi, count), eps = step * 1e-9, out: number[] = [];
  for (let v = Math.ceil((lo - eps) / step) * step; v <= hi + eps; v += step) out.push(Math.abs(v) < eps ? 0 : v);
  return out;
}

/** A short label for tick `v` with spacing `step`: fixed decimals for moderate magnitudes, else 1e-4 style. */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const a = Math.max(Math.abs(v), Math.abs(step));
  if (a >= 1e5 || a < 1e-3) {
    const digits = Math.max(0, Math.min(3, Math.floor(Math.log10(a)) - Math.floor(Math.log10(step))));
    return v.toExponential(digits).replace('e+', 'e');
  }
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** Label of a multiple of π/2 in units of π ("-π", "-π/2", "0", "π/2", "π", …), or null if `v` is not one. */
export function piLabel(v: number): string | null {
  const k = Math.round((2 * v) / Math.PI);
  if (Math.abs((2 * v) / Math.PI - k) > 1e-6) return null;
  if (k === 0) return '0';
  const sign = k < 0 ? '-' : '';
  const m = Math.abs(k);
  return m % 2 === 0 ? `${sign}${m === 2 ? '' : m / 2}π` : `${sign}${m === 1 ? '' : m}π/2`;
}
