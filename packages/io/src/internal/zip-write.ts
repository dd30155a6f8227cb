/**
 * A minimal ZIP writer for NPZ: stored or deflated members, ZIP64 records only when needed,
 * fixed timestamps (1980-01-01) so equal input gives identical bytes.
 */
import { crc32 } from './crc32.js';

/** One member to write: its name and (already compressed, if method 8) bytes. */
export interface ZipMember {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly uncompressedSize: number;
  /** Data as written (compressed for method 8), possibly in several pieces. */
  readonly parts: readonly Uint8Array[];
}

const U32 = 0xffffffff;

/** The archive as a list of byte pieces (concatenate them, or write them one after another). */
export function zipParts(members: readonly ZipMember[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = new TextEncoder().encode(m.name);
    const utf8 = name.length !== m.name.length || /[^\x20-\x7e]/.test(m.name);
    const compSize = m.parts.reduce((s, p) => s + p.length, 0);
    const z64 = compSize >= U32 || m.uncompressedSize >= U32 || offset >= U32;
    // Local header: with ZIP64 both sizes move to the extra field.
    const lExtra = z64 ? 20 : 0;
    const l = new Uint8Array(30 + name.length + lExtra);
    const ld = new DataView(l.buffer);
    ld.setUint32(0, 0x04034b50, true);
    ld.setUint16(4, z64 ? 45 : 20, true);
    ld.setUint16(6, utf8 ? 0x800 : 0, true);
    ld.setUint16(8, m.method, true);
    ld.setUint16(10, 0, true); // time 00:00
    ld.setUint16(12, 0x21, true); // date 1980-01-01
    ld.setUint32(14, m.crc, true);
    ld.setUint32(18, z64 ? U32 : compSize, true);
    ld.setUint32(22, z64 ? U32 : m.uncompressedSize, true);
    ld.setUint16(26, name.length, true);
    ld.setUint16(28, lExtra, true);
    l.set(name, 30);
    if (z64) {
      ld.setUint16(30 + name.length, 1, true);
      ld.setUint16(32 + name.length, 16, true);
      setU64(ld, 34 + name.length, m.uncompressedSize);
      setU64(ld, 42 + name.length, compSize);
    }
    out.push(l, ...m.parts);
    // Central directory entry.
    const cExtra = z64 ? 28 : 0;
    const c = new Uint8Array(46 + name.length + cExtra);
    const cd = new DataView(c.buffer);
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, z64 ? 45 : 20, true);
    cd.setUint16(6, z64 ? 45 : 20, true);
    cd.setUint16(8, utf8 ? 0x800 : 0, true);
    cd.setUint16(10, m.method, true);
    cd.setUint16(12, 0, true);
    cd.setUint16(14, 0x21, true);
    cd.setUint32(16, m.crc, true);
    cd.setUint32(20, z64 ? U32 : compSize, true);
    cd.setUint32(24, z64 ? U32 : m.uncompressedSize, true);
    cd.setUint16(28, name.length, true);
    cd.setUint16(30, cExtra, true);
    cd.setUint32(38, 0o100644 * 65536, true); // external attributes: regular file, rw-r--r--
    cd.setUint32(42, z64 ? U32 : offset, true);
    c.set(name, 46);
    if (z64) {
      const e = 46 + name.length;
      cd.setUint16(e, 1, true);
      cd.setUint16(e + 2, 24, true);
      setU64(cd, e + 4, m.uncompressedSize);
      setU64(cd, e + 12, compSize);
      setU64(cd, e + 20, offset);
    }
    central.push(c);
    offset += l.length + compSize;
  }
  const cdOffset = offset;
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  out.push(...central);
  const needZ64 = members.length >= 0xffff || cdOffset >= U32 || cdSize >= U32;
  if (needZ64) {
    const z = new Uint8Array(56 + 20);
    const zd = new DataView(z.buffer);
    zd.setUint32(0, 0x06064b50, true);
    setU64(zd, 4, 44);
    zd.setUint16(12, 45, true);
    zd.setUint16(14, 45, true);
    setU64(zd, 24, members.length);
    setU64(zd, 32, members.length);
    setU64(zd, 40, cdSize);
    setU64(zd, 48, cdOffset);
    zd.setUint32(56, 0x07064b50, true);
    setU64(zd, 64, cdOffset + cdSize);
    zd.setUint32(72, 1, true);
    out.push(z);
  }
  const e = new Uint8Array(22);
  const ed = new DataView(e.buffer);
  ed.setUint32(0, 0x06054b50, true);
  ed.setUint16(8, needZ64 ? 0xffff : members.length, true);
  ed.setUint16(10, needZ64 ? 0xffff : members.length, true);
  ed.setUint32(12, needZ64 ? U32 : cdSize, true);
  ed.setUint32(16, needZ64 ? U32 : cdOffset, true);
  out.push(e);
  return out;
}

/** CRC-32 over several pieces. */
export function crc32Parts(parts: readonly Uint8Array[]): number {
  let c = 0;
  for (const p of parts) c = crc32(p, c);
  return c;
}

function setU64(dv: DataView, o: number, v: number): void {
  dv.setUint32(o, v % 2 ** 32, true);
  dv.setUint32(o + 4, Math.floor(v / 2 ** 32), true);
}
