import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { writeReconstructionFormats } from '../node/write-reconstruction-formats.js';
import type { ComplexArray } from '../types.js';
import { reconstructionProduct, type ProductScan } from './reconstruction-product.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-writers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * h5py and numpy, the formats' own libraries, read back what we wrote: a named skip without them
 * on a developer's machine; CI (.ci/run installs h5py) never skips.
 */
const python = spawnSync('python3', ['-c', 'import h5py, numpy'], { encoding: 'utf8' });
const hasH5py = python.status === 0 || Boolean(process.env.CI);
const pyRead = (code: string, file: string): Record<string, unknown> => {
  const r = spawnSync('python3', ['-c', code, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

// A 60×70 canvas whose origin is (13.5, 20) in the scan frame, 9 positions, pixel 50 nm, a frame offset.
const H = 60, W = 70, N = 64;
const object: ComplexArray = { shape: [H, W], re: Float32Array.from({ length: H * W }, (_, i) => 1 + (i % 7) / 10), im: Float32Array.from({ length: H * W }, (_, i) => (i % 5) / 10) };
const rec = { object, canvasOrigin: [13.5, 20] as const };
const probeGuess: ComplexArray = { shape: [N, N], re: new Float32Array(N * N).fill(0.5), im: new Float32Array(N * N).fill(-0.25) };
const scan: ProductScan = {
  source: '/data/scan.cxi',
  xcoords: Float64Array.from({ length: 9 }, (_, k) => 40 + 10 * (k % 3) + 0.3),
  ycoords: Float64Array.from({ length: 9 }, (_, k) => 45 + 10 * Math.floor(k / 3) - 0.2),
  probeGuess,
  metadata: { pixel_size_m: 5e-8, frame_offset_m: [1e-6, -3e-6], energy_eV: 8000, detector_distance_m: 2 },
};
const product = reconstructionProduct(rec, scan, { comments: 'ptychojs test', losses: [3, 2, 1.5] });

describe('reconstructionProduct', () => {
  it('places the object where the scan was: ptychodus maps every position onto its canvas column (x_px − x0) and the centre is canvas pixel W/2', () => {
    for (let k = 0; k < 9; k++) {
      const col = (product.positionXM[k]! - product.objectCenterM[0]) / product.objectPixelM[0] + W / 2;
      const row = (product.positionYM[k]! - product.objectCenterM[1]) / product.objectPixelM[1] + H / 2;
      // float64 metres of ~1e-6 over a 5e-8 pixel: ~1e-9 px
      expect(Math.abs(col - (scan.xcoords[k]! - 13.5))).toBeLessThan(1e-8);
      expect(Math.abs(row - (scan.ycoords[k]! - 20))).toBeLessThan(1e-8);
    }
    expect(product.comments).toBe('ptychojs test; unknown to the scan, written as 0: photon count, exposure time');
  });

  it('refuses to guess a pixel size', () => {
    expect(() => reconstructionProduct(rec, { ...scan, metadata: {} }, { comments: '' })).toThrow(InputError);
    expect(() => reconstructionProduct(rec, { ...scan, metadata: {} }, { comments: '' })).toThrow(/needs the object pixel size in metres.*--pixel-size/);
    expect(reconstructionProduct(rec, { ...scan, metadata: {} }, { comments: '', pixelSizeM: 2e-8 }).objectPixelM).toEqual([2e-8, 2e-8]);
  });
});

describe.skipIf(!hasH5py)('writers, read back by h5py and numpy (needs python3 with h5py: pip install h5py)', async () => {
  const files = await writeReconstructionFormats(tmp, ['ptychodus-h5', 'ptychodus-npz', 'cxi'], product,
    { program: 'ptychojs', version: '0.0.0-test', date: '2026-12-07T00:00:00Z', command: 'ptycho infer …', parameters: '{"a":1}' });

  it('ptychodus-h5: the layout, dtypes, VLEN UTF-8 strings and units of h5_product_file.py, and the placement', () => {
    const got = pyRead(`
import h5py, json, sys, numpy as np
f = h5py.File(sys.argv[1], 'r')
o, p = f['object'], f['probe']
x, y = f['probe_position_x_m'][()], f['probe_position_y_m'][()]
W, H = o.shape[-1], o.shape[-2]
col = (x - o.attrs['center_x_m']) / o.attrs['pixel_width_m'] + W / 2
row = (y - o.attrs['center_y_m']) / o.attrs['pixel_height_m'] + H / 2
print(json.dumps({
  'keys': sorted(f.keys()), 'attrs': sorted(f.attrs.keys()),
  'name_type': type(f.attrs['name']).__name__, 'name': f.attrs['name'], 'comments': f.attrs['comments'],
  'energy': float(f.attrs['probe_energy_eV']), 'distance': float(f.attrs['detector_object_distance_m']),
  'object': [str(o.dtype), list(o.shape)], 'probe': [str(p.dtype), list(p.shape)], 'pixel': float(o.attrs['pixel_width_m']),
  'probe_pixel': [float(p.attrs['pixel_width_m']), float(p.attrs['pixel_height_m'])],
  'object_00': [float(o[0, 0, 0].real), float(o[0, 0, 0].imag)], 'probe_00': [float(p[0, 0].real), float(p[0, 0].imag)],
  'spacing': [str(f['object_layer_spacing_m'].dtype), list(f['object_layer_spacing_m'].shape)],
  'indexes': [str(f['probe_position_indexes'].dtype), f['probe_position_indexes'][()].tolist()],
  'losses': [str(f['loss_values'].dtype), f['loss_values'][()].tolist(), str(f['loss_epochs'].dtype), f['loss_epochs'][()].tolist()],
  'cols': col.tolist(), 'rows': row.tolist(),
}))`, files[0]!);
    expect(got.keys).toEqual(['loss_epochs', 'loss_values', 'object', 'object_layer_spacing_m', 'probe', 'probe_position_indexes', 'probe_position_x_m', 'probe_position_y_m']);
    expect(got.attrs).toEqual(['comments', 'detector_object_distance_m', 'exposure_time_s', 'mass_attenuation_m2_kg', 'name', 'probe_energy_eV', 'probe_photon_count', 'tomography_angle_deg']);
    expect(got.name_type).toBe('str'); // VLEN UTF-8: h5py gives str, not bytes (ptychodus would print b'…')
    expect(got.name).toBe('scan.cxi');
    expect([got.energy, got.distance, got.pixel]).toEqual([8000, 2, 5e-8]);
    expect(got.object).toEqual(['complex64', [1, H, W]]);
    expect(got.probe).toEqual(['complex64', [N, N]]);
    expect(got.probe_pixel).toEqual([5e-8, 5e-8]);
    expect(got.object_00).toEqual([1, 0]);
    expect(got.probe_00).toEqual([0.5, -0.25]);
    expect(got.spacing).toEqual(['float64', [0]]);
    expect(got.indexes).toEqual(['int64', [0, 1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(got.losses).toEqual(['float64', [3, 2, 1.5], 'int64', [0, 1, 2]]);
    (got.cols as number[]).forEach((c, k) => expect(Math.abs(c - (scan.xcoords[k]! - 13.5))).toBeLessThan(1e-8));
    (got.rows as number[]).forEach((r, k) => expect(Math.abs(r - (scan.ycoords[k]! - 20))).toBeLessThan(1e-8));
  });

  it("ptychodus-npz: npz_product_file.py's keys and dtypes, as numpy.load reads them", () => {
    const got = pyRead(`
import numpy as np, json, sys
z = np.load(sys.argv[1])
print(json.dumps({'keys': sorted(z.files), 'name': [str(z['name'].dtype.kind), str(z['name'])], 'object': [str(z['object'].dtype), list(z['object'].shape)],
  'center': [float(z['object_center_x_m']), float(z['object_center_y_m'])], 'pixel': float(z['object_pixel_width_m']), 'x0': float(z['probe_position_x_m'][0]),
  'spacing': list(z['object_layer_spacing_m'].shape), 'losses': z['loss_values'].tolist()}))`, files[1]!);
    expect(got.keys).toEqual(['comments', 'detector_object_distance_m', 'exposure_time_s', 'loss_epochs', 'loss_values', 'mass_attenuation_m2_kg', 'name', 'object', 'object_center_x_m', 'object_center_y_m',
      'object_layer_spacing_m', 'object_pixel_height_m', 'object_pixel_width_m', 'probe', 'probe_energy_eV', 'probe_photon_count', 'probe_pixel_height_m', 'probe_pixel_width_m',
      'probe_position_indexes', 'probe_position_x_m', 'probe_position_y_m']);
    expect(got.name).toEqual(['U', 'scan.cxi']);
    expect(got.object).toEqual(['complex64', [1, H, W]]);
    expect(got.center).toEqual([...product.objectCenterM]);
    expect(got.x0).toBe(1e-6 + 40.3 * 5e-8);
    expect(got.spacing).toEqual([0]);
    expect(got.losses).toEqual([3, 2, 1.5]);
  });

  it('cxi: image_1 probe, image_2 object with pixel size and centre, translations in metres, energy in joules, process_1', () => {
    const got = pyRead(`
import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
e = f['entry_1']
print(json.dumps({'version': int(f['cxi_version'][()]), 'probe': [str(e['image_1/data'].dtype), list(e['image_1/data'].shape), e['image_1/data_type'][()].decode() if isinstance(e['image_1/data_type'][()], bytes) else e['image_1/data_type'].asstr()[()]],
  'object': [str(e['image_2/data'].dtype), list(e['image_2/data'].shape), e['image_2/data_type'].asstr()[()]], 'pixel': float(e['image_2/x_pixel_size'][()]),
  'center': e['image_2/center_m'][()].tolist(), 'energy_J': float(e['instrument_1/source_1/energy'][()]), 'distance': float(e['instrument_1/detector_1/distance'][()]),
  'illumination': list(e['instrument_1/source_1/illumination'].shape), 'translation': e['sample_1/geometry_1/translation'][()].tolist(),
  'program': e['process_1/program'].asstr()[()], 'parameters': e['process_1/parameters'].asstr()[()]}))`, files[2]!);
    expect(got.version).toBe(150);
    expect(got.probe).toEqual(['complex64', [N, N], 'probe']);
    expect(got.object).toEqual(['complex64', [H, W], 'object']);
    expect(got.pixel).toBe(5e-8);
    expect(got.center).toEqual([...product.objectCenterM]);
    expect(got.energy_J).toBeCloseTo(8000 * 1.602176634e-19, 30);
    expect(got.distance).toBe(2);
    expect(got.illumination).toEqual([N, N]);
    expect((got.translation as number[][])[4]).toEqual([product.positionXM[4], product.positionYM[4], 0]);
    expect([got.program, got.parameters]).toEqual(['ptychojs', '{"a":1}']);
  });
});
