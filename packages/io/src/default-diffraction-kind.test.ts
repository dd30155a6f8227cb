import { describe, expect, it } from 'vitest';
import { defaultDiffractionKind } from './default-diffraction-kind.js';

describe('defaultDiffractionKind', () => {
  it('reads integer and bool dtypes as counts, floats as amplitudes', () => {
    for (const dtype of ['u1', 'u2', 'u4', 'i2', 'i4', 'i8', 'b1'] as const) expect(defaultDiffractionKind({ dtype })).toBe('counts');
    for (const dtype of ['f4', 'f8'] as const) expect(defaultDiffractionKind({ dtype })).toBe('amplitude');
  });
});
