import { describe, expect, it } from 'vitest';
import { byteRange } from './byte-range.js';

describe('byteRange (RFC 9110 §14.1.2, one range)', () => {
  it('reads first-last, first- and suffix ranges, clamping the end to the file', () => {
    expect(byteRange('bytes=0-0', 100)).toEqual({ kind: 'range', start: 0, end: 0 });
    expect(byteRange('bytes=10-19', 100)).toEqual({ kind: 'range', start: 10, end: 19 });
    expect(byteRange('bytes=90-', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(byteRange('bytes=90-1000', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(byteRange('bytes=-30', 100)).toEqual({ kind: 'range', start: 70, end: 99 });
    expect(byteRange('bytes=-300', 100)).toEqual({ kind: 'range', start: 0, end: 99 });
    expect(byteRange(' Bytes = 5 - 6 ', 100)).toEqual({ kind: 'range', start: 5, end: 6 });
    // an end past 2^53 (sirv crashed on it: lukeed/sirv#175) is clamped like any other
    expect(byteRange('bytes=0-18446744073709551615', 100)).toEqual({ kind: 'range', start: 0, end: 99 });
    expect(byteRange('bytes=18446744073709551615-', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  it('a range past the end is unsatisfiable (416); malformed, reversed or several ranges are ignored (200)', () => {
    expect(byteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    for (const h of [undefined, 'bytes=500-100', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'bytes=a-b']) {
      expect(byteRange(h, 100), String(h)).toEqual({ kind: 'whole' });
    }
  });
});
