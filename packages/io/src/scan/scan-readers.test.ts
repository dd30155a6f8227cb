import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRawData } from '../check-raw-data.js';
import { InputError } from '../errors.js';
import { openScanFile } from '../node/open-scan-file.js';
import { readMaskFile } from '../node/read-mask-file.js';
import { readNpzFile } from '../node/read-npz-file.js';
import { toFloat64Array } from '../to-float64-array.js';
import { toStrings } from '../to-strings.js';
import type { NdArray, ScanData } from '../types.js';
import type { ScanSource } from './scan-reader.js';

/** Files written by scripts/make_format_fixtures.py with numpy and h5py in each format's own layout. */
const DIR = path.resolve(import.meta.dirname, '../../test/fixtures/formats');
const F = (name: string): string => path.join(DIR, name);
const expected = JSON.parse(fs.readFileSync(F('expected.json'), 'utf8')) as { M: number; N: number; pixel_m: number; center_m: [number, number]; object_shape: [number, number]; bad_pixels: number; cxi_shift_px: [number, number] };
const ref = readNpzFile(F('scan.npz'));
const refAmp = readNpzFile(F('scan_amplitude.npz'));

const open: ScanSource[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });
async function scanOf(file: string, opts: Parameters<typeof openScanFile>[1] = {}): Promise<{ src: ScanSource; scan: ScanData; notes: string[]; problems: string[] }> {
  const src = await openScanFile(F(file), { ...opts, ...(opts.positions ? { positions: F(opts.positions) } : {}) });
  open.push(src);
  const stored = src.arrays.diff3d;
  const counts = stored !== undefined && !stored.dtype.startsWith('f');
  const c = checkRawData(src.arrays, src.file, { diffraction: counts ? 'counts' : 'amplitude' });
  return { src, scan: c.scan!, notes: [...src.notes, ...c.notes], problems: [...src.problems, ...c.problems] };
}
const frames = (s: ScanData): Float32Array => s.frames.read(0, s.M);
/** The reference scan.npz read as counts, with its mask. */
const reference = (): ScanData => checkRawData(ref, 'scan.npz', { diffraction: 'counts' }).scan!;
const max = (a: ArrayLike<number>, b: ArrayLike<number>, shift = 0): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]! - shift));
  return m;
};

describe('scan readers: each format reads as the equivalent raw NPZ (fixtures from h5py)', () => {
  it('a ptychodus product .h5 with its diffraction .h5 (LZF) reads as scan.npz: positions from metres through the object frame, the first probe mode, the mask', async () => {
    const want = reference();
    const { src, scan, problems, notes } = await scanOf('diffraction.h5', { positions: 'product.h5' });
    expect(problems).toEqual([]);
    expect(src.reader).toBe('ptychodus-diffraction-h5');
    // x_px = (x_m − center)/pixel + W/2 recovers the pixel positions to float64 rounding (|x| ≈ 100, pixel ≈ 6e-8 m: ≤ 1e-9 px).
    expect(max(scan.xcoords, want.xcoords)).toBeLessThan(1e-9);
    expect(max(scan.ycoords, want.ycoords)).toBeLessThan(1e-9);
    expect(frames(scan)).toEqual(frames(want)); // LZF decoded exactly: counts are integers
    expect(scan.probeGuess).toEqual(want.probeGuess);
    expect(scan.badPixels).toEqual(want.badPixels);
    expect(Array.from(scan.badPixels!).reduce((a, b) => a + b, 0)).toBe(expected.bad_pixels);
    expect(notes.some((n) => /holds 2 incoherent modes; using the first/.test(n))).toBe(true);
    expect(src.mapping.find((m) => m.field === 'xcoords')!.how).toBe("(x_m − center_x_m)/pixel_width_m + W/2 with the object's centre and pixel size (/object@center_x_m, /object@pixel_width_m), W = 128: ptychodus's object frame");
  });

  it('a ptychodus product .npz with the diffraction .h5 reads the same', async () => {
    const want = reference();
    const { scan, problems } = await scanOf('diffraction.h5', { positions: 'product.npz' });
    expect(problems).toEqual([]);
    expect(max(scan.xcoords, want.xcoords)).toBeLessThan(1e-9);
    expect(frames(scan)).toEqual(frames(want));
    expect(scan.probeGuess).toEqual(want.probeGuess);
    const meta = scan.metadata!;
    expect(meta.pixel_size_m).toBe(expected.pixel_m);
    expect(meta.energy_eV).toBe(8000);
  });

  it("a product with PtychoPINN's /raw_data reads as scan_amplitude.npz, and says its metres disagree (the exporter ignores the object centre)", async () => {
    const want = checkRawData(refAmp, 'scan_amplitude.npz').scan!;
    const { src, scan, problems } = await scanOf('product_raw.h5');
    expect(problems).toEqual([]);
    expect(src.reader).toBe('ptychopinn-product-h5');
    expect(scan.xcoords).toEqual(want.xcoords);
    expect(frames(scan)).toEqual(frames(want));
    expect(scan.objectGuess).toEqual(want.objectGuess);
    // ptychodus maps x_m = x_px·pixel with centre 0 to x_px + W/2: 64 px off in each axis.
    expect(src.warnings[0]!.what).toMatch(/map 90\.5 px away from \/raw_data's pixel positions \(mean offset x 64\.0, y 64\.0 px\)/);
  });

  it('a CXI file reads as scan.npz shifted by whole pixels (translations / (λz/(N·dpx)), sign +1), the mask from bit 0x1 only', async () => {
    const want = reference();
    const { src, scan, problems } = await scanOf('scan.cxi');
    expect(problems).toEqual([]);
    expect(src.reader).toBe('cxi');
    expect(max(scan.xcoords, want.xcoords, expected.cxi_shift_px[0])).toBeLessThan(1e-9);
    expect(max(scan.ycoords, want.ycoords, expected.cxi_shift_px[1])).toBeLessThan(1e-9);
    expect(frames(scan)).toEqual(frames(want));
    expect(scan.badPixels).toEqual(want.badPixels); // pixel (0, 0) carries bit 0x2 only: measured
    expect(scan.metadata!.pixel_size_m as number).toBeCloseTo(expected.pixel_m, 20);
    const flipped = await scanOf('scan.cxi', { positionsSign: -1, positionsSwapXY: true });
    // −t_y/pixel becomes x: the scan mirrored and transposed, still starting at N/2.
    expect(Math.min(...flipped.scan.xcoords)).toBeGreaterThanOrEqual(32);
    expect(max(flipped.scan.xcoords.map((v) => -v), want.ycoords, flipped.scan.xcoords[0]! * -1 - want.ycoords[0]!)).toBeLessThan(1e-9);
  });

  it('the raw NPZ itself reads lazily: stored members by byte offset', async () => {
    const { src, scan } = await scanOf('scan.npz');
    expect(src.reader).toBe('npz');
    expect((src.arrays.diff3d as { access: string }).access).toBe('ranged');
    expect(frames(scan)).toEqual(frames(reference()));
    expect(scan.frames.read(5, 7)).toEqual(frames(reference()).subarray(5 * 4096, 7 * 4096));
  });
});

describe('scan readers: what they refuse or say', () => {
  it('a filter h5wasm does not have is refused naming it, before any data is read (never garbage)', async () => {
    const err = await openScanFile(F('diffraction_unknown_filter.h5'), { positions: F('product.h5') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/diffraction_unknown_filter\.h5, key '\/patterns': compressed with HDF5 filter 32099, which this reader does not have \(without it HDF5 returns wrong numbers\)/);
    expect((err as Error).message).toMatch(/; got filter 32099$/);
  });

  it('a product alone, or a diffraction file alone, says which file is missing', async () => {
    const p = await scanOf('product.h5');
    expect(p.problems[0]).toMatch(/holds positions, probe and object but no diffraction patterns; give the diffraction file as the scan and this product with --positions/);
    const d = await scanOf('diffraction.h5');
    expect(d.problems[0]).toMatch(/holds patterns but no positions or probe; give the product that holds them with --positions FILE/);
  });

  it('a file in no known format names what it holds', async () => {
    await expect(openScanFile(path.resolve(DIR, '../stored.npz'))).resolves.toBeDefined();
    await expect(openScanFile(path.resolve(DIR, '../f4_le.npy'))).rejects.toThrow(/an NPY file \(one array\), not a scan/);
    await expect(openScanFile(F('expected.json'))).rejects.toThrow(/not a scan file: neither an NPZ \(zip\) archive nor HDF5/);
  });

  it('readMaskFile reads ptychodus bad_pixels and the CXI bit field alike', async () => {
    const a = await readMaskFile(F('diffraction.h5'));
    const b = await readMaskFile(F('scan.cxi'));
    expect(a.mask.data).toEqual(b.mask.data);
    expect(toFloat64Array(a.mask).reduce((s, v) => s + v, 0)).toBe(expected.bad_pixels);
  });
});

it('the product’s metadata strings are VLEN UTF-8 as h5py writes them', async () => {
  const { src } = await scanOf('product.h5');
  expect(JSON.parse(toStrings(src.arrays._metadata as NdArray)[0]!).comments).toBe('written by make_format_fixtures.py');
});
