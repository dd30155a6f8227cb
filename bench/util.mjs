// Small timing helpers for the benchmarks (not for tests).
export function time(fn, reps = 1) {
  fn(); // warm-up
  const ts = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); fn(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  return { medianMs: ts[Math.floor(ts.length / 2)], minMs: ts[0], reps };
}

export async function timeAsync(fn, reps = 1) {
  await fn();
  const ts = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); await fn(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  return { medianMs: ts[Math.floor(ts.length / 2)], minMs: ts[0], reps };
}

export const round = (v, d = 3) => Number(v.toPrecision(d));
