import { encodeNpz } from '../encode-npz.js';
import { fromComplexArray } from '../from-complex-array.js';
import { ndarray } from '../ndarray.js';
import { stringArray } from '../string-array.js';
import type { NdArray } from '../types.js';
import type { ReconstructionProduct } from './reconstruction-product.js';

/**
 * A product as ptychodus's NPZ writer lays it out (`npz_product_file.py`, `numpy.savez`: stored
 * members): names and comments as 0-d unicode strings, scalars as 0-d float64, positions,
 * probe, object (1, H, W) complex64, `object_layer_spacing_m` (empty), losses.
 */
export function encodePtychodusNpz(p: ReconstructionProduct): Uint8Array {
  const f8 = (v: number): NdArray => ndarray('f8', [], Float64Array.of(v));
  const arrays: Record<string, NdArray> = {
    name: stringArray(p.name), comments: stringArray(p.comments),
    detector_object_distance_m: f8(p.detectorDistanceM), probe_energy_eV: f8(p.probeEnergyEv),
    probe_photon_count: f8(p.probePhotonCount), exposure_time_s: f8(p.exposureTimeS), mass_attenuation_m2_kg: f8(0),
    probe_position_indexes: ndarray('i8', [p.positionIndexes.length], p.positionIndexes),
    probe_position_x_m: ndarray('f8', [p.positionXM.length], p.positionXM),
    probe_position_y_m: ndarray('f8', [p.positionYM.length], p.positionYM),
    probe: p.probe, probe_pixel_width_m: f8(p.probePixelM[0]), probe_pixel_height_m: f8(p.probePixelM[1]),
    object: fromComplexArray(p.object, 'c8'),
    object_center_x_m: f8(p.objectCenterM[0]), object_center_y_m: f8(p.objectCenterM[1]),
    object_pixel_width_m: f8(p.objectPixelM[0]), object_pixel_height_m: f8(p.objectPixelM[1]),
    object_layer_spacing_m: ndarray('f8', [0], new Float64Array(0)),
    loss_epochs: ndarray('i8', [p.lossEpochs.length], p.lossEpochs),
    loss_values: ndarray('f8', [p.lossValues.length], p.lossValues),
  };
  return encodeNpz(arrays, { compress: false });
}
