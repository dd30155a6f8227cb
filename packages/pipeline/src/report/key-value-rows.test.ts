import { describe, expect, it } from 'vitest';
import { keyValueRows } from './key-value-rows.js';

describe('keyValueRows', () => {
  it('flattens nested objects to dotted keys, joins short lists and summarizes long ones', () => {
    expect(keyValueRows({ config: { gridsize: 2, lr: 0.0012345678 }, shape: [48, 47], notes: [], big: Array.from({ length: 9 }, (_, i) => i), backend: { name: 'wasm' }, ok: true, none: null }))
      .toEqual([['config.gridsize', '2'], ['config.lr', '0.00123457'], ['shape', '48, 47'], ['notes', ''], ['big', 'array of 9'], ['backend.name', 'wasm'], ['ok', 'true'], ['none', 'null']]);
  });

  it('indexes arrays of objects', () => {
    expect(keyValueRows({ a: [{ b: 1 }, { b: 2 }] })).toEqual([['a.0.b', '1'], ['a.1.b', '2']]);
  });
});
