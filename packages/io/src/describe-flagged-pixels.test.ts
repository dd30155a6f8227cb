import { describe, expect, it } from 'vitest';
import { describeFlaggedPixels } from './describe-flagged-pixels.js';

const N = 8;
const mask = (set: (i: number, j: number) => boolean) => Uint8Array.from({ length: N * N }, (_, p) => (set(Math.floor(p / N), p % N) ? 1 : 0));

describe('describeFlaggedPixels', () => {
  it('names whole columns and rows as runs, the rest as single pixels (row, column)', () => {
    const m = mask((i, j) => j === 3 || j === 4 || i === 6 || (i === 1 && j === 1) || (i === 2 && j === 7));
    const d = describeFlaggedPixels(m, N);
    expect(d.columns).toEqual([[3, 4]]);
    expect(d.rows).toEqual([[6, 6]]);
    expect(d.pixels).toEqual([[1, 1], [2, 7]]);
    // 2 columns + 1 row − 2 crossings + 2 pixels
    expect(d.count).toBe(2 * N + N - 2 + 2);
    expect(d.text).toBe('columns 3…4; row 6; pixels (row, column) (1, 1), (2, 7)');
  });

  it('a partial column is pixels, not a column; lists at most maxPixels and says how many more', () => {
    const d = describeFlaggedPixels(mask((i, j) => j === 2 && i < 7), N, 3);
    expect(d.columns).toEqual([]);
    expect(d.text).toBe('pixels (row, column) (0, 2), (1, 2), (2, 2) and 4 more');
  });

  it('nothing flagged: empty text', () => {
    expect(describeFlaggedPixels(new Uint8Array(N * N), N)).toEqual({ columns: [], rows: [], pixels: [], count: 0, text: '' });
  });
});
