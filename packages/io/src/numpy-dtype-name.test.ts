import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeArray } from './describe-array.js';
import { encodeNpy } from './encode-npy.js';
import { ndarray } from './ndarray.js';
import { numpyDtypeName } from './numpy-dtype-name.js';
import { parseNpy } from './parse-npy.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');

describe('numpyDtypeName names the dtype as stored in the file', () => {
  it('float16 stays float16 although it is read as float32', () => {
    const a = parseNpy(new Uint8Array(fs.readFileSync(path.join(FIX, 'f2_le.npy')))); // numpy: (2, 3, 4) '<f2', 0.5·k − 3
    expect(a.dtype).toBe('f4');
    expect((a.data as Float32Array)[7]).toBe(0.5);
    expect(a.storedDescr).toBe('<f2');
    expect(numpyDtypeName(a)).toBe('float16');
    expect(describeArray(a)).toBe('(2, 3, 4) float16');
  });

  it('names byte order, integer widths and strings; in-memory arrays by their dtype', () => {
    expect(numpyDtypeName({ dtype: 'f8', storedDescr: '>f8' })).toBe('float64 (big-endian)');
    expect(numpyDtypeName({ dtype: 'u1', storedDescr: '|u1' })).toBe('uint8');
    expect(numpyDtypeName({ dtype: 'u2', storedDescr: '<u2' })).toBe('uint16');
    expect(numpyDtypeName({ dtype: 'c8', storedDescr: '<c8' })).toBe('complex64');
    expect(numpyDtypeName({ dtype: 'b1', storedDescr: '|b1' })).toBe('bool');
    expect(numpyDtypeName({ dtype: 'U', storedDescr: '<U12' })).toBe('str (<U12)');
    expect(numpyDtypeName({ dtype: 'i8' })).toBe('int64');
    expect(parseNpy(encodeNpy(ndarray('i4', [2], new Int32Array(2)), { bigEndian: true })).storedDescr).toBe('>i4');
  });
});
