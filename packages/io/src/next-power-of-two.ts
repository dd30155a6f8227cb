/** Smallest power of two ≥ n (a padded FFT size: radix-2/4 transforms are fastest there). */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
