import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpzFile } from '@ptychojs/io/node';
import { runPtycho, tempDir } from './run-ptycho.js';

/**
 * Issue 18's acceptance, as a user runs it: every format reads and reconstructs to the same result
 * as the equivalent raw NPZ. Fixtures: packages/io/scripts/make_format_fixtures.py (numpy, h5py),
 * each format written by its own library in its owners' layout from one scan.
 */
const F = path.resolve(import.meta.dirname, '../../../packages/io/test/fixtures/formats');
const expected = JSON.parse(fs.readFileSync(path.join(F, 'expected.json'), 'utf8')) as { cxi_shift_px: [number, number] };
const tmp = tempDir();
afterAll(tmp.cleanup);
const TINY = ['--epochs', '1', '--filters-scale', '0.25', '--batch-size', '8', '--n-groups', '8', '--gridsize', '1', '--backend', 'wasm', '--nphotons', '1e5', '--workers', '1', '--seed', '3'];
const RUN = path.join(tmp.dir, 'model');

/** The scans: a name, the args that read it, the equivalent NPZ, and how far its positions are shifted (whole pixels). */
const FORMATS = [
  { name: 'ptychodus diffraction .h5 (LZF) + product .h5', args: [path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.h5')], reader: 'ptychodus-diffraction-h5', ref: 'scan.npz', shift: [0, 0] },
  { name: 'ptychodus diffraction .h5 + product .npz', args: [path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.npz')], reader: 'ptychodus-diffraction-h5', ref: 'scan.npz', shift: [0, 0] },
  { name: 'CXI', args: [path.join(F, 'scan.cxi')], reader: 'cxi', ref: 'scan.npz', shift: expected.cxi_shift_px },
  { name: "product .h5 with PtychoPINN's /raw_data", args: [path.join(F, 'product_raw.h5')], reader: 'ptychopinn-product-h5', ref: 'scan_amplitude.npz', shift: [0, 0] },
] as const;

/** The reconstruction of a directory: object planes and canvas origin. */
function recon(dir: string): { re: Float32Array; im: Float32Array; shape: number[]; origin: number[] } {
  const a = readNpzFile(path.join(dir, 'reconstruction.npz'));
  const o = a.object!.data as Float32Array;
  return { re: o.filter((_, i) => i % 2 === 0), im: o.filter((_, i) => i % 2 === 1), shape: [...a.object!.shape], origin: Array.from(a.canvasOrigin!.data as Float64Array) };
}
/** Largest |difference| of two reconstructions, after checking their frames differ by `shift`. */
function compare(a: ReturnType<typeof recon>, b: ReturnType<typeof recon>, shift: readonly number[]): number {
  expect(a.shape).toEqual(b.shape);
  expect([a.origin[0]! - b.origin[0]!, a.origin[1]! - b.origin[1]!]).toEqual([shift[0], shift[1]]);
  let m = 0;
  for (let i = 0; i < a.re.length; i++) m = Math.max(m, Math.abs(a.re[i]! - b.re[i]!), Math.abs(a.im[i]! - b.im[i]!));
  return m;
}

beforeAll(() => {
  const r = runPtycho(['train', '--data', path.join(F, 'scan.npz'), '--out', RUN, ...TINY], { timeoutMs: 240_000 });
  expect(r.code, r.stderr).toBe(0);
}, 240_000);

describe('every format reconstructs to the same result as its equivalent NPZ', () => {
  const refs = new Map<string, { infer: ReturnType<typeof recon>; epie: ReturnType<typeof recon> }>();
  const reference = (ref: string) => {
    if (!refs.has(ref)) {
      const out = path.join(tmp.dir, `ref-${ref}`);
      expect(runPtycho(['infer', '--model', RUN, '--data', path.join(F, ref), '--out', `${out}-infer`, '--backend', 'wasm', '--workers', '1']).code).toBe(0);
      expect(runPtycho(['epie', '--data', path.join(F, ref), '--out', `${out}-epie`, '--iterations', '3']).code).toBe(0);
      refs.set(ref, { infer: recon(`${out}-infer`), epie: recon(`${out}-epie`) });
    }
    return refs.get(ref)!;
  };

  it.each(FORMATS)('$name: inspect names the reader; infer and epie give the NPZ\'s reconstruction', ({ name, args, reader, ref, shift }) => {
    const [data, ...rest] = args;
    const ins = runPtycho(['inspect', data, ...rest]);
    expect(ins.code, ins.stderr).toBe(0);
    expect(ins.stderr).toContain(`read by '${reader}'`);
    const dir = path.join(tmp.dir, name.replace(/\W+/g, '-'));
    const inf = runPtycho(['infer', '--model', RUN, '--data', data, ...rest, '--out', `${dir}-infer`, '--backend', 'wasm', '--workers', '1']);
    expect(inf.code, inf.stderr).toBe(0);
    const ep = runPtycho(['epie', '--data', data, ...rest, '--out', `${dir}-epie`, '--iterations', '3']);
    expect(ep.code, ep.stderr).toBe(0);
    const want = reference(ref);
    // Same frames and the positions to ~1e-13 px (metres through float64): only float32 rounding
    // of the bilinear weights can differ, far below 1e-5 of values of order 1.
    expect(compare(recon(`${dir}-infer`), want.infer, shift)).toBeLessThan(1e-5);
    expect(compare(recon(`${dir}-epie`), want.epie, shift)).toBeLessThan(1e-5);
    expect(fs.existsSync(path.join(`${dir}-epie`, 'scan.png'))).toBe(true);
  }, 120_000);

  it('run on the ptychodus diffraction + product trains and reconstructs as on the NPZ (same seed)', () => {
    const a = runPtycho(['run', '--data', path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.h5'), '--out', path.join(tmp.dir, 'run-h5'), ...TINY]);
    expect(a.code, a.stderr).toBe(0);
    const b = runPtycho(['run', '--data', path.join(F, 'scan.npz'), '--out', path.join(tmp.dir, 'run-npz'), ...TINY]);
    expect(b.code, b.stderr).toBe(0);
    // Training sees the same groups and values: the same weights to float32 rounding of the inputs.
    expect(compare(recon(path.join(tmp.dir, 'run-h5', 'recon')), recon(path.join(tmp.dir, 'run-npz', 'recon')), [0, 0])).toBeLessThan(1e-4);
  }, 240_000);
});

describe('writing and refusing', () => {
  it('--format writes product.h5, product.npz and reconstruction.cxi that read back as positions: the written frame maps each position onto its canvas column', () => {
    const out = path.join(tmp.dir, 'formats');
    const r = runPtycho(['epie', '--data', path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.h5'), '--out', out, '--iterations', '2', '--format', 'ptychodus-h5,ptychodus-npz,cxi', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['product.h5', 'product.npz', 'reconstruction.cxi']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    const origin = recon(out).origin;
    // Our product as --positions: ptychodus's mapping through the written object frame gives x_px − x0.
    const again = runPtycho(['inspect', path.join(F, 'diffraction.h5'), '--positions', path.join(out, 'product.h5'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    const first = runPtycho(['inspect', path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.h5'), '--json']);
    const ext = (s: string) => (JSON.parse(s) as { extent: { xmin: number; ymin: number } }).extent;
    expect(ext(again.stdout).xmin).toBeCloseTo(ext(first.stdout).xmin - origin[0]!, 9);
    expect(ext(again.stdout).ymin).toBeCloseTo(ext(first.stdout).ymin - origin[1]!, 9);
  }, 120_000);

  it('a scan in pixels only needs --pixel-size for --format, refused (exit 2) before anything is written', () => {
    const out = path.join(tmp.dir, 'no-pixel');
    const r = runPtycho(['epie', '--data', path.join(F, 'scan.npz'), '--out', out, '--iterations', '1', '--format', 'cxi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs the object pixel size in metres, and the scan has none/);
    expect(fs.existsSync(out)).toBe(false);
    expect(runPtycho(['epie', '--data', path.join(F, 'scan.npz'), '--out', out, '--iterations', '1', '--format', 'cxi', '--pixel-size', '5e-8']).code).toBe(0);
    expect(runPtycho(['epie', '--data', path.join(F, 'scan.npz'), '--out', `${out}2`, '--iterations', '1', '--format', 'tiff']).stderr).toMatch(/unknown output format; expected ptychodus-h5, ptychodus-npz, cxi; got tiff/);
  }, 60_000);

  it('an HDF5 filter this reader does not have: exit 2 naming it, for every command', () => {
    for (const args of [['inspect', path.join(F, 'diffraction_unknown_filter.h5')], ['epie', '--data', path.join(F, 'diffraction_unknown_filter.h5'), '--out', path.join(tmp.dir, 'x')]]) {
      const r = runPtycho([...args, '--positions', path.join(F, 'product.h5')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/key '\/patterns': compressed with HDF5 filter 32099, which this reader does not have/);
    }
  });

  it('a mask from --mask is honoured as the file\'s own: the same reconstruction as scan.npz with its bad_pixels', () => {
    const out = path.join(tmp.dir, 'masked');
    // The CXI mask file read as --mask (bit 0x1) over the amplitude NPZ, which has no mask of its own.
    const r = runPtycho(['epie', '--data', path.join(F, 'scan_amplitude.npz'), '--mask', path.join(F, 'scan.cxi'), '--out', out, '--iterations', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/bad-pixel mask from .*scan\.cxi:\/entry_1\/instrument_1\/detector_1\/mask \(bit 0x1\): 65 of 4096 pixels not measured/);
    const ref = path.join(tmp.dir, 'ref-scan.npz-epie');
    if (!fs.existsSync(ref)) expect(runPtycho(['epie', '--data', path.join(F, 'scan.npz'), '--out', ref, '--iterations', '3']).code).toBe(0);
    expect(compare(recon(out), recon(ref), [0, 0])).toBeLessThan(1e-5);
  }, 60_000);
});
