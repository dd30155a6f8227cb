/** True for 1, 2, 4, 8, … (safe integers; `n & (n − 1)` is exact below 2³¹, larger sizes are refused anyway). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= 2 ** 30 && (n & (n - 1)) === 0;
}
