import type { Filter, Metadata } from 'h5wasm';
import type * as H5 from 'h5wasm';
import { InputError } from '../errors.js';
import { stringArray } from '../string-array.js';
import { halfToFloat32 } from '../internal/byte-ops.js';
import { decodeFloat32 } from '../internal/decode-float32.js';
import { parseDescr } from '../internal/npy-format.js';
import type { DType, FrameSource, NdArray, NdData, NumericDType } from '../types.js';
import { BUILTIN_HDF5_FILTERS, PLUGIN_HDF5_FILTERS } from './hdf5-filters.js';
import type { ContainerEntry, ScanContainer } from './scan-container.js';

/** What {@link openHdf5Container} needs of h5wasm: its `File` class and the ready module. */
export interface H5Wasm {
  readonly File: typeof H5.File;
  readonly Module: typeof H5.Module;
  /**
   * Filter ids whose plugin is installed in this module's plugin path (h5wasm-plugins); the
   * built-in ones (deflate, shuffle, fletcher32, szip, nbit, scaleoffset) are always available.
   */
  readonly plugins: ReadonlySet<number>;
}

/** Class codes of h5wasm's metadata (H5T_class_t). */
const INTEGER = 0, FLOAT = 1, STRING = 3, COMPOUND = 6, ENUM = 8;

/** A dataset's type as ptychojs reads it. */
interface Kind {
  readonly dtype: DType;
  /** numpy descr of the stored type, byte order as in the file. */
  readonly descr: string;
  /** Bytes per element in memory (raw reads are little-endian, h5wasm converts). */
  readonly itemBytes: number;
}

/**
 * Open an HDF5 file with h5wasm as a {@link ScanContainer}. Only metadata is read on opening;
 * arrays are read raw (bytes into typed arrays, never h5wasm's per-element `value` for numbers),
 * frames by hyperslab. Complex data are h5py's compound `{r, i}`; h5py's boolean enum is `b1`.
 * Before any data of a dataset is read its filter pipeline is checked: a filter neither built in
 * nor installed is an `InputError` naming it (HDF5 would otherwise return wrong numbers).
 *
 * @param path where h5wasm's file system sees the file (a real path in Node; a MEMFS path in the browser)
 * @param file the name used in messages
 * @throws InputError naming the file when it is not a readable HDF5 file
 */
export function openHdf5Container(h5: H5Wasm, path: string, file: string): ScanContainer {
  const M = h5.Module;
  M.activate_throwing_error_handler();
  let f: H5.File;
  try {
    f = new h5.File(path, 'r');
  } catch (e) {
    throw new InputError(`not a readable HDF5 file: ${firstLine(e)}`, { file });
  }
  const fid = f.file_id;
  const types = new Map<string, number>();
  const names = (M.get_names(fid, '/', true) as string[]).map((n) => `/${n}`);
  for (const n of names) {
    try { types.set(n, M.get_type(fid, n)); } catch { /* a dangling or external link: not listed */ }
  }
  const meta = new Map<string, Metadata>();
  const metadata = (p: string): Metadata => {
    const known = meta.get(p);
    if (known) return known;
    const m = M.get_dataset_metadata(fid, p);
    meta.set(p, m);
    return m;
  };
  const norm = (p: string): string => (p.startsWith('/') ? p : `/${p}`);
  const isDataset = (p: string): boolean => types.get(norm(p)) === M.H5O_TYPE_DATASET;
  const need = (p: string): string => {
    const q = norm(p);
    if (!isDataset(q)) throw new InputError(types.has(q) ? 'not a dataset' : 'no such dataset in the file', { file, key: q, expected: 'a dataset', actual: types.has(q) ? 'a group' : 'absent' });
    return q;
  };
  const describe = (q: string): ContainerEntry => {
    const m = metadata(q);
    const k = kind(m);
    return { path: q, shape: m.shape ?? [], dtype: k ? dtypeName(k) : typeName(m) };
  };
  const checkFilters = (q: string): void => {
    const filters = M.get_dataset_filters(fid, q) as Filter[];
    const missing = filters.filter((x) => !BUILTIN_HDF5_FILTERS.has(x.id) && !h5.plugins.has(x.id));
    if (missing.length > 0) {
      const names = missing.map((x) => `${x.id}${x.name ? ` '${x.name}'` : PLUGIN_HDF5_FILTERS.has(x.id) ? ` '${PLUGIN_HDF5_FILTERS.get(x.id)}'` : ''}`).join(', ');
      throw new InputError(`compressed with HDF5 filter ${names}, which this reader does not have (without it HDF5 returns wrong numbers): rewrite the file without it (h5repack -f NONE) or with gzip or LZF`, {
        file, key: q,
        expected: `a dataset filtered with ${[...BUILTIN_HDF5_FILTERS.values(), ...[...h5.plugins].map((id) => PLUGIN_HDF5_FILTERS.get(id) ?? String(id))].join(', ')} or none`,
        actual: `filter ${names}`,
      });
    }
  };
  /** Raw little-endian bytes of a hyperslab (`count`, `offset`; the whole dataset when absent). */
  const raw = (q: string, nbytes: number, count?: number[], offset?: number[]): Uint8Array => {
    const out = new Uint8Array(nbytes);
    if (nbytes === 0) return out;
    const ptr = M._malloc(nbytes);
    if (!ptr) throw new InputError(`cannot allocate ${nbytes} bytes in the HDF5 reader's memory`, { file, key: q });
    try {
      let status: number;
      try {
        status = count
          ? M.get_dataset_data(fid, q, count.map(BigInt), offset!.map(BigInt), count.map(() => 1n), BigInt(ptr))
          : M.get_dataset_data(fid, q, null, null, null, BigInt(ptr));
      } catch (e) {
        throw new InputError(`HDF5 could not read the data: ${firstLine(e)}`, { file, key: q });
      }
      if (status < 0) throw new InputError(`HDF5 could not read the data (status ${status})`, { file, key: q });
      out.set(M.HEAPU8.subarray(ptr, ptr + nbytes));
    } finally {
      M._free(ptr);
    }
    return out;
  };
  const unsupported = (q: string, m: Metadata): InputError =>
    new InputError('unsupported HDF5 datatype', { file, key: q, expected: 'integers, floats, h5py booleans, complex {r, i} or strings', actual: typeName(m) });

  let closed = false;
  return {
    kind: 'hdf5',
    file,
    list: () => [...types.entries()].filter(([, t]) => t === M.H5O_TYPE_DATASET).map(([p]) => describe(p)),
    entry: (p) => (isDataset(norm(p)) ? describe(norm(p)) : undefined),
    isGroup: (p) => types.get(norm(p)) === M.H5O_TYPE_GROUP || norm(p) === '/',
    read(p) {
      const q = need(p);
      const m = metadata(q);
      const shape = m.shape ?? [];
      if (m.type === STRING) {
        const v = f.get(q) as H5.Dataset;
        const value = v.value;
        const list = Array.isArray(value) ? value.map(String) : [String(value)];
        const s = stringArray(shape.length === 0 ? list[0]! : list);
        return shape.length === 0 ? s : { ...s, shape };
      }
      const k = kind(m);
      if (!k) throw unsupported(q, m);
      checkFilters(q);
      const size = shape.reduce((a, b) => a * b, 1);
      const bytes = raw(q, size * k.itemBytes);
      const data = k.descr.endsWith('f2') ? halfToFloat32(new Uint16Array(bytes.buffer, bytes.byteOffset, size)) : typed(k.dtype, bytes);
      return { dtype: k.dtype, shape, data, storedDescr: k.descr };
    },
    frames(p) {
      const q = need(p);
      const m = metadata(q);
      const k = kind(m);
      const shape = m.shape ?? [];
      if (!k || k.dtype === 'U' || k.dtype === 'S' || k.dtype === 'c8' || k.dtype === 'c16' || shape.length === 0) {
        throw new InputError('not a stack of real-valued frames', { file, key: q, expected: '(M, H, W) integers or floats', actual: `${shape.length ? `(${shape.join(', ')})` : '()'} ${k ? dtypeName(k) : typeName(m)}` });
      }
      checkFilters(q);
      const rowElems = shape.slice(1).reduce((a, b) => a * b, 1);
      const descr = parseDescr(`<${k.descr.slice(1)}`); // raw reads come little-endian
      return {
        dtype: k.dtype as NumericDType,
        shape,
        storedDescr: k.descr,
        path: q,
        access: 'ranged',
        bytes: rowElems * shape[0]! * k.itemBytes,
        readRows(s, e, out) {
          if (!(Number.isSafeInteger(s) && Number.isSafeInteger(e) && s >= 0 && e >= s && e <= shape[0]!)) throw new RangeError(`rows ${s}..${e} outside 0..${shape[0]} of '${q}'`);
          const n = (e - s) * rowElems;
          const o = out ?? new Float32Array(n);
          if (n === 0) return o;
          const bytes = raw(q, n * k.itemBytes, [e - s, ...shape.slice(1)], [s, ...shape.slice(1).map(() => 0)]);
          decodeFloat32(bytes, descr, n, o);
          return o;
        },
      } satisfies FrameSource;
    },
    attrNames(p) {
      const q = norm(p);
      if (!types.has(q) && q !== '/') return [];
      return M.get_attribute_names(fid, q);
    },
    attr(p, name) {
      const q = norm(p);
      if (!types.has(q) && q !== '/') return undefined;
      if (!M.get_attribute_names(fid, q).includes(name)) return undefined;
      const obj = q === '/' ? f : (f.get(q) as H5.Dataset | H5.Group);
      const a = obj.attrs[name]!;
      return attributeArray(a.value, a.metadata);
    },
    close() {
      if (closed) return;
      closed = true;
      f.close();
    },
  };
}

/** ptychojs's dtype of an HDF5 type, or undefined when it has none. */
function kind(m: Metadata): Kind | undefined {
  const order = m.littleEndian ? '<' : '>';
  if (m.type === INTEGER && [1, 2, 4, 8].includes(m.size)) {
    const dtype = `${m.signed ? 'i' : 'u'}${m.size}` as DType;
    return { dtype, descr: `${m.size === 1 ? '|' : order}${m.signed ? 'i' : 'u'}${m.size}`, itemBytes: m.size };
  }
  if (m.type === FLOAT && [2, 4, 8].includes(m.size)) {
    return { dtype: m.size === 8 ? 'f8' : 'f4', descr: `${order}f${m.size}`, itemBytes: m.size };
  }
  if (m.type === ENUM && m.size === 1 && m.enum_type && Object.keys(m.enum_type.members).sort().join() === 'FALSE,TRUE'
    && m.enum_type.members.FALSE === 0 && m.enum_type.members.TRUE === 1) {
    return { dtype: 'b1', descr: '|b1', itemBytes: 1 };
  }
  if (m.type === COMPOUND && m.compound_type?.nmembers === 2) {
    const [r, i] = m.compound_type.members;
    const pair = [r!.name, i!.name].join();
    if ((pair === 'r,i' || pair === 'real,imag') && r!.type === FLOAT && i!.type === FLOAT && r!.size === i!.size && (r!.size === 4 || r!.size === 8)
      && r!.offset === 0 && i!.offset === r!.size && m.size === 2 * r!.size) {
      return { dtype: r!.size === 4 ? 'c8' : 'c16', descr: `${r!.littleEndian ? '<' : '>'}c${2 * r!.size}`, itemBytes: m.size };
    }
  }
  return undefined;
}

function dtypeName(k: Kind): string {
  const names: Record<string, string> = { f4: 'float32', f8: 'float64', c8: 'complex64', c16: 'complex128', b1: 'bool' };
  if (k.descr.endsWith('f2')) return 'float16';
  return names[k.dtype] ?? `${k.dtype.startsWith('u') ? 'uint' : 'int'}${8 * Number(k.dtype.slice(1))}`;
}

function typeName(m: Metadata): string {
  const classes = ['integer', 'float', 'time', 'string', 'bitfield', 'opaque', 'compound', 'reference', 'enum', 'vlen', 'array'];
  return `HDF5 ${classes[m.type] ?? `class ${m.type}`} of ${m.size} bytes`;
}

/** A typed array over little-endian bytes of `dtype` (f2 expanded to f4). */
function typed(dtype: DType, b: Uint8Array): NdData {
  const view = <T>(C: new (buf: ArrayBufferLike, off: number, n: number) => T, unit: number): T => new C(b.buffer, b.byteOffset, b.byteLength / unit);
  switch (dtype) {
    case 'f4': return view(Float32Array, 4);
    case 'f8': case 'c16': return view(Float64Array, 8);
    case 'c8': return view(Float32Array, 4);
    case 'i1': return view(Int8Array, 1);
    case 'u1': case 'b1': return b;
    case 'i2': return view(Int16Array, 2);
    case 'u2': return view(Uint16Array, 2);
    case 'i4': return view(Int32Array, 4);
    case 'u4': return view(Uint32Array, 4);
    case 'i8': return view(BigInt64Array, 8);
    case 'u8': return view(BigUint64Array, 8);
    default: throw new TypeError(`typed: ${dtype}`);
  }
}

/** An attribute's value (as h5wasm returns it) as an NdArray: numbers f8 (or i8), strings `U`. */
function attributeArray(v: unknown, m: Metadata): NdArray | undefined {
  const shape = m.shape ?? [];
  if (typeof v === 'string') return stringArray(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { ...stringArray(v as string[]), shape };
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return { dtype: 'f8', shape: [], data: Float64Array.of(Number(v)) };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const arr = v as unknown as ArrayLike<number | bigint>;
    return { dtype: 'f8', shape: shape.length ? shape : [arr.length], data: Float64Array.from(Array.from(arr, Number)) };
  }
  return undefined;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // HDF5's stack: the innermost frame says what failed; keep the first and the last lines.
  return lines.length <= 1 ? (lines[0] ?? text) : `${lines[1]!.replace(/^#\d+: \S+ line \d+ in /, '')}${lines.length > 2 ? ` … ${lines.at(-1)!}` : ''}`;
}
