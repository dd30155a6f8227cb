/** What to do with a request's Range header ({@link byteRange}). */
export type ByteRange =
  /** Serve the whole file (200): no Range, another unit, several ranges, or a malformed one (RFC 9110 §14.2: a server may ignore it). */
  | { readonly kind: 'whole' }
  /** 416 with `Content-Range: bytes *\/size`: a valid range that starts past the end (or a suffix of 0 bytes). */
  | { readonly kind: 'unsatisfiable' }
  /** 206: bytes `start`…`end` inclusive, `end` clamped to the last byte. */
  | { readonly kind: 'range'; readonly start: number; readonly end: number };

/**
 * The single byte range a `Range` header asks of a file of `size` bytes (RFC 9110 §14.1.2):
 * `bytes=a-b`, `bytes=a-` (to the end), `bytes=-n` (the last n bytes). Anything else is served
 * whole, as the RFC allows: several ranges, another unit, `a > b`, non-digits. Pure.
 */
export function byteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (m === null || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  // Digits only, so each is a finite number or Infinity; huge ends are clamped like any other.
  const a = m[1] === '' ? undefined : Number(m[1]), b = m[2] === '' ? undefined : Number(m[2]);
  if (a === undefined) {
    // suffix: the last b bytes
    if (b === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - b!), end: size - 1 };
  }
  if (b !== undefined && b < a) return { kind: 'whole' };
  if (a >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start: a, end: Math.min(b ?? size - 1, size - 1) };
}
