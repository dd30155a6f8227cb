import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from './encode-npy.js';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { parseNpy } from './parse-npy.js';
import { stringArray } from './string-array.js';
import { toStrings } from './to-strings.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as Record<string, { shape: number[]; values: string[] }>;
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIX, name)));

describe('toStrings reads numpy string arrays', () => {
  it.each(['U_scalar.npy', 'S_vector.npy', 'U_be.npy'])('%s', (name) => {
    const a = parseNpy(read(name));
    expect(a.shape).toEqual(expected[name]!.shape);
    expect(toStrings(a)).toEqual(expected[name]!.values);
  });

  it('reads the JSON metadata numpy stores as a 0-d <U array', () => {
    const [json] = toStrings(parseNpy(read('U_scalar.npy')));
    expect(JSON.parse(json!)).toEqual({ nphotons: 1e6, source: 'make_fixtures.py', note: 'ünïcode ✓' });
  });

  it('round-trips through stringArray and encodeNpy (astral characters, empty strings, bytes)', () => {
    for (const dtype of ['U', 'S'] as const) {
      const values = ['', 'a', '😀 ü', 'longer string'];
      const a = stringArray(values, dtype);
      expect(a.shape).toEqual([4]);
      expect(toStrings(parseNpy(encodeNpy(a)))).toEqual(values);
    }
    expect(stringArray('x').shape).toEqual([]);
  });

  it('refuses numeric arrays', () => {
    expect(() => toStrings(ndarray('f4', [1], new Float32Array(1)), { key: '_metadata' })).toThrow(InputError);
  });
});
