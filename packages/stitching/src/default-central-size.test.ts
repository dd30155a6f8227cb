import { describe, expect, it } from 'vitest';
import { isInputError } from '@ptychojs/io';
import { thrown } from '../test/helpers.js';
import { canvasFrame } from './canvas-frame.js';
import { defaultCentralSize } from './default-central-size.js';

describe('defaultCentralSize', () => {
  it('is 20 for N = 64 and scales with N (SPEC §4)', () => {
    expect([64, 128, 256].map(defaultCentralSize)).toEqual([20, 40, 80]);
  });

  it('keeps the parity of N so the crop is centred on whole pixels', () => {
    for (let N = 1; N <= 300; N++) {
      const M = defaultCentralSize(N);
      expect((N - M) % 2, `N=${N} M=${M}`).toBe(0);
      expect(M).toBeGreaterThanOrEqual(1);
      expect(M).toBeLessThanOrEqual(N);
      // Within one of round(20·N/64) (parity may force the neighbour).
      expect(Math.abs(M - Math.round((20 * N) / 64)), `N=${N}`).toBeLessThanOrEqual(N < 4 ? 2 : 1);
    }
  });

  it('rejects a crop side that cannot be centred or does not fit', () => {
    for (const M of [21, 0, 66, 2.5]) {
      const err = thrown(() => canvasFrame([0], [0], 64, M));
      expect(isInputError(err), `M=${M}`).toBe(true);
      expect((err as { key: string }).key).toBe('M');
    }
  });
});
