/** Options of {@link expectClose}. */
export interface CloseOptions {
  /** Relative tolerance: |actual − expected| ≤ atol + rtol·|expected|. Default 1e−6. */
  readonly rtol?: number;
  /** Absolute tolerance. Default 0. */
  readonly atol?: number;
  /** What is being compared, printed first on failure. */
  readonly label?: string;
  /** The input that produced `actual`, printed on failure (arrays are abbreviated). */
  readonly input?: unknown;
  /** Shape of the arrays, to print multi-dimensional indices. */
  readonly shape?: readonly number[];
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(9) : String(v);
}

/** Short description of any input for failure messages. */
export function describeValue(v: unknown, depth = 0): string {
  if (typeof v === 'number') return fmt(v);
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (ArrayBuffer.isView(v) || Array.isArray(v)) {
    const a = v as unknown as ArrayLike<unknown>;
    const head = Array.from({ length: Math.min(a.length, 6) }, (_, i) => describeValue(a[i], depth + 1)).join(', ');
    return `${v.constructor.name}(${a.length}) [${head}${a.length > 6 ? ', …' : ''}]`;
  }
  if ('shape' in v && 'dtype' in v) return `Tensor ${JSON.stringify((v as { shape: unknown }).shape)} ${String((v as { dtype: unknown }).dtype)}`;
  if (depth > 2) return '{…}';
  return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${describeValue(x, depth + 1)}`).join(', ')} }`;
}

function index(flat: number, shape?: readonly number[]): string {
  if (!shape || shape.length === 0) return `[${flat}]`;
  const idx: number[] = [];
  let r = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(r % shape[d]!);
    r = Math.floor(r / shape[d]!);
  }
  return `[${idx.join(', ')}] (flat ${flat})`;
}

/**
 * Assert `|actual − expected| ≤ atol + rtol·|expected|` elementwise (NaN matches only NaN).
 * On failure the error names the label, the input, the tolerance, the number of failing
 * elements, the worst one (expected, actual, delta, tolerance) and the first few (STYLE §5).
 */
export function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, opts: CloseOptions = {}): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  const rtol = opts.rtol ?? 1e-6;
  const atol = opts.atol ?? 0;
  const head = `expectClose failed${opts.label ? `: ${opts.label}` : ''}`;
  const input = opts.input === undefined ? '' : `\n  input: ${describeValue(opts.input)}`;
  if (a.length !== e.length) throw new Error(`${head}${input}\n  length: expected ${e.length}, actual ${a.length}`);
  let bad = 0;
  let worst = -1;
  let worstRatio = 0;
  let maxDelta = 0;
  let maxExpected = 0;
  const first: string[] = [];
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!, y = e[i]!;
    const tol = atol + rtol * Math.abs(y);
    const d = Math.abs(x - y);
    maxExpected = Math.max(maxExpected, Math.abs(y));
    const ok = Number.isNaN(y) ? Number.isNaN(x) : d <= tol;
    if (Number.isFinite(d)) maxDelta = Math.max(maxDelta, d);
    if (!ok) {
      bad++;
      const ratio = Number.isFinite(d) && tol > 0 ? d / tol : Infinity;
      if (worst < 0 || ratio > worstRatio) [worst, worstRatio] = [i, ratio];
      if (first.length < 5) first.push(`    ${index(i, opts.shape)}: expected ${fmt(y)}, actual ${fmt(x)}, delta ${fmt(d)}, tolerance ${fmt(tol)}`);
    }
  }
  if (bad === 0) return;
  const w = worst;
  throw new Error(
    `${head}${input}\n` +
      `  tolerance: |actual − expected| ≤ atol + rtol·|expected|, atol=${atol}, rtol=${rtol}\n` +
      `  ${bad} of ${e.length} elements outside; max |expected| ${fmt(maxExpected)}, max |delta| ${fmt(maxDelta)}\n` +
      `  worst ${index(w, opts.shape)}: expected ${fmt(e[w]!)}, actual ${fmt(a[w]!)}, delta ${fmt(Math.abs(a[w]! - e[w]!))}, tolerance ${fmt(atol + rtol * Math.abs(e[w]!))}\n` +
      `  first:\n${first.join('\n')}`,
  );
}

/** max |x|, for tolerances relative to an array's scale (`atol: rtol·maxAbs(expected)`). */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}
