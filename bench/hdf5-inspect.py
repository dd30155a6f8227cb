#!/usr/bin/env python3
"""Write a ptychodus-style assembled diffraction file of F frames (64x64 uint16, LZF, one chunk per
frame) and its product, for bench/sections.mjs's hdf5 section. Usage: hdf5-inspect.py DIR F"""
import sys, os
import h5py, numpy as np
out, F = sys.argv[1], int(sys.argv[2])
N = 64
yy, xx = np.mgrid[0:N, 0:N] - N / 2
blob = (30 * np.exp(-(xx ** 2 + yy ** 2) / 50)).astype(np.uint16)
with h5py.File(os.path.join(out, 'diffraction.h5'), 'w') as f:
    d = f.create_dataset('patterns', shape=(F, N, N), dtype=np.uint16, chunks=(1, N, N), compression='lzf')
    for a in range(0, F, 4096):
        b = min(F, a + 4096)
        d[a:b] = blob[np.newaxis] + (np.arange(a, b) % 5).astype(np.uint16)[:, None, None]
    f.create_dataset('indexes', data=np.arange(F, dtype=np.int64), compression='lzf')
    f.create_dataset('bad_pixels', data=np.zeros((N, N), bool), compression='lzf')
side = int(np.ceil(np.sqrt(F)))
k = np.arange(F)
pix = 5e-8
with h5py.File(os.path.join(out, 'product.h5'), 'w') as f:
    for key, v in [('name', 'bench'), ('comments', ''), ('detector_object_distance_m', 2.0), ('probe_energy_eV', 8000.0), ('probe_photon_count', 0.0), ('exposure_time_s', 0.0), ('mass_attenuation_m2_kg', 0.0)]:
        f.attrs[key] = v
    f.create_dataset('probe_position_indexes', data=k)
    f.create_dataset('probe_position_x_m', data=(40 + 3.0 * (k % side)) * pix)
    f.create_dataset('probe_position_y_m', data=(40 + 3.0 * (k // side)) * pix)
    p = f.create_dataset('probe', data=np.exp(-(xx ** 2 + yy ** 2) / 128).astype(np.complex64))
    p.attrs['pixel_width_m'] = pix; p.attrs['pixel_height_m'] = pix
    o = f.create_dataset('object', data=np.ones((1, 64, 64), np.complex64))
    o.attrs['center_x_m'] = 32 * pix; o.attrs['center_y_m'] = 32 * pix; o.attrs['pixel_width_m'] = pix; o.attrs['pixel_height_m'] = pix
    f.create_dataset('object_layer_spacing_m', data=np.array([], np.float64))
print(os.path.getsize(os.path.join(out, 'diffraction.h5')))
