import { InputError, type ComplexArray, type InputErrorDetails } from '@ptychojs/io';

/**
 * Checks that `c` is a 2-D complex image usable as an object or probe (SPEC §3): shape `(H, W)`
 * with positive integer sides, both planes of length H·W, every value finite. With `square`, also
 * H = W (a probe); `values: false` skips the O(H·W) finiteness scan. Use it on arrays from a file before simulating (`from:FILE.npz`).
 *
 * @shape c (H, W) complex
 * @throws InputError naming `where.file`/`where.key`, the expected and the actual form.
 */
export function assertComplexImage(c: ComplexArray, where: InputErrorDetails = {}, opts: { square?: boolean; values?: boolean } = {}): void {
  const shape = c.shape;
  const dims = `(${shape.join(', ')})`;
  if (shape.length !== 2 || !shape.every((d) => Number.isSafeInteger(d) && d > 0)) {
    throw new InputError('not a 2-D complex image', { ...where, expected: opts.square ? '(N, N) complex' : '(H, W) complex', actual: dims });
  }
  const [H, W] = shape as [number, number];
  if (opts.square && H !== W) throw new InputError('not square', { ...where, expected: '(N, N) complex', actual: dims });
  if (c.re.length !== H * W || c.im.length !== H * W) {
    throw new InputError('planes do not match the shape', { ...where, expected: `${H * W} values per plane`, actual: `re ${c.re.length}, im ${c.im.length}` });
  }
  if (opts.values === false) return;
  for (let i = 0; i < H * W; i++) {
    if (!Number.isFinite(c.re[i]!) || !Number.isFinite(c.im[i]!)) {
      throw new InputError('contains NaN or Inf', { ...where, expected: 'finite values', actual: `${c.re[i]} + ${c.im[i]}i at (${Math.floor(i / W)}, ${i % W})` });
    }
  }
}
