import type * as H5 from 'h5wasm';
import type { H5Wasm } from '../scan/open-hdf5-container.js';
import type { ComplexArray, NdArray } from '../types.js';
import type { ReconstructionProduct } from './reconstruction-product.js';

/**
 * Write a product as ptychodus's HDF5 writer lays it out (`h5_product_file.py`): root attributes
 * (strings as variable-length UTF-8, which h5py reads as `str`, not `bytes`), positions, `probe`
 * and `object` (h5py's complex compound `{r, i}`) with their geometry attributes,
 * `object_layer_spacing_m` (present even when empty), `loss_epochs` and `loss_values`.
 * The file at `path` (h5wasm's file system: a real path in Node) is created or truncated.
 */
export function writePtychodusH5(h5: H5Wasm, path: string, p: ReconstructionProduct): void {
  const f = new h5.File(path, 'w');
  try {
    f.create_attribute('name', p.name, null, 'S');
    f.create_attribute('comments', p.comments, null, 'S');
    for (const [k, v] of [['detector_object_distance_m', p.detectorDistanceM], ['probe_energy_eV', p.probeEnergyEv], ['probe_photon_count', p.probePhotonCount],
      ['exposure_time_s', p.exposureTimeS], ['mass_attenuation_m2_kg', 0], ['tomography_angle_deg', 0]] as const) {
      f.create_attribute(k, v, null, '<d');
    }
    const M = p.positionXM.length;
    f.create_dataset({ name: 'probe_position_indexes', data: p.positionIndexes, shape: [M], dtype: '<q' });
    f.create_dataset({ name: 'probe_position_x_m', data: p.positionXM, shape: [M], dtype: '<d' });
    f.create_dataset({ name: 'probe_position_y_m', data: p.positionYM, shape: [M], dtype: '<d' });
    const probe = complexDataset(f, 'probe', p.probe);
    probe.create_attribute('pixel_width_m', p.probePixelM[0], null, '<d');
    probe.create_attribute('pixel_height_m', p.probePixelM[1], null, '<d');
    const object = complexPlanes(f, 'object', p.object);
    object.create_attribute('center_x_m', p.objectCenterM[0], null, '<d');
    object.create_attribute('center_y_m', p.objectCenterM[1], null, '<d');
    object.create_attribute('pixel_width_m', p.objectPixelM[0], null, '<d');
    object.create_attribute('pixel_height_m', p.objectPixelM[1], null, '<d');
    f.create_dataset({ name: 'object_layer_spacing_m', data: new Float64Array(0), shape: [0], dtype: '<d' });
    f.create_dataset({ name: 'loss_epochs', data: p.lossEpochs, shape: [p.lossEpochs.length], dtype: '<q' });
    f.create_dataset({ name: 'loss_values', data: p.lossValues, shape: [p.lossValues.length], dtype: '<d' });
  } finally {
    f.close();
  }
}

/** @internal A complex NdArray (c8 or c16, interleaved) as h5py's compound `{r, i}` dataset. */
export function complexDataset(g: H5.Group, name: string, a: NdArray): H5.Dataset {
  const d = a.data as Float32Array | Float64Array;
  const n = d.length / 2;
  const Out = a.dtype === 'c16' ? Float64Array : Float32Array;
  const re = new Out(n), im = new Out(n);
  for (let i = 0; i < n; i++) { re[i] = d[2 * i]!; im[i] = d[2 * i + 1]!; }
  const t = a.dtype === 'c16' ? '<d' : '<f';
  return g.create_dataset({ name, data: new Map<string, Float32Array | Float64Array>([['r', re], ['i', im]]), shape: [...a.shape], dtype: [['r', t], ['i', t]] }) as H5.Dataset;
}

/** @internal Float32 complex planes as h5py's complex64 compound `{r, i}`. */
export function complexPlanes(g: H5.Group, name: string, c: ComplexArray): H5.Dataset {
  return g.create_dataset({ name, data: new Map([['r', c.re], ['i', c.im]]), shape: [...c.shape], dtype: [['r', '<f'], ['i', '<f']] }) as H5.Dataset;
}
