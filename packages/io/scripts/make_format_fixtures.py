#!/usr/bin/env python3
"""Write the small scan files in the formats beamlines use, for the scan-reader tests of @ptychojs/io
and the CLI: one scan, written once as a ptychojs raw NPZ and once in each other format with that
format's own library and layout (numpy, h5py), so that a reader is tested against the format, not
against itself. Rerun after changing it:  pip install h5py && python3 packages/io/scripts/make_format_fixtures.py

Layouts follow the writers of the formats' owners (read, not copied):
  - ptychodus product, HDF5 and NPZ: ptychodus src/ptychodus/plugins/h5_product_file.py, npz_product_file.py
  - ptychodus assembled diffraction: ptychodus model/diffraction/dataset.py export_assembled_patterns (LZF)
  - PtychoPINN's /raw_data extension: PtychoPINN ptycho/io/ptychodus_product_io.py (x_m = x_px * pixel)
  - CXI: the CXI format / NXcxi_ptycho (entry_1/data_1/data, translation in metres, energy in joules,
    detector mask bit 0x1 = invalid pixel)

Outputs (test/fixtures/formats/, about 1 MB in all):
  scan.npz                      counts (uint16) with a bad-pixel mask: the scan every format below holds
  scan_amplitude.npz            the same scan as float32 amplitudes sqrt(counts), without mask (what /raw_data holds)
  product.h5, product.npz       ptychodus products (positions in metres, 2-mode probe, object frame)
  diffraction.h5                ptychodus assembled patterns + indexes + bad_pixels, LZF
  diffraction_unknown_filter.h5 the same with the patterns filtered by an unregistered filter id 32099
  product_raw.h5                a product with PtychoPINN's /raw_data (written as PtychoPINN does, centre ignored)
  scan.cxi                      CXI with translations x_px*pixel (sign +1, ptychodus's reading)
  expected.json                 the geometry the tests check against
"""
import json
import os

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "formats")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20261207)

N, H, W = 64, 128, 128
GRID = 4
M = GRID * GRID
# Geometry: 8 keV, 2 m, 75 um detector pixels -> object pixel lambda*z/(N*dpx).
HC = 6.62607015e-34 * 299792458
ENERGY_EV = 8000.0
ENERGY_J = ENERGY_EV * 1.602176634e-19
DISTANCE = 2.0
DET_PIXEL = 75e-6
PIXEL = HC / ENERGY_J * DISTANCE / (N * DET_PIXEL)
CENTER = (1.5e-6, -2.0e-6)  # object centre in metres (ptychodus frame)

# Positions in object pixels: a 4x4 raster, 12 px step, jittered.
gy, gx = np.mgrid[0:GRID, 0:GRID]
xs = (44.0 + 12.0 * gx.ravel() + rng.uniform(-1.5, 1.5, M)).astype(np.float64)
ys = (46.0 + 12.0 * gy.ravel() + rng.uniform(-1.5, 1.5, M)).astype(np.float64)

# A smooth phase object and a defocused Gaussian probe.
yy, xx = np.mgrid[0:H, 0:W]
phase = 0.8 * np.sin(xx / 9.0) * np.cos(yy / 13.0) + 0.3 * np.exp(-((xx - 70) ** 2 + (yy - 60) ** 2) / 300.0)
amp = 0.9 + 0.1 * np.cos(xx / 7.0 + yy / 11.0)
obj = (amp * np.exp(1j * phase)).astype(np.complex64)
py_, px_ = np.mgrid[0:N, 0:N] - N / 2
r2 = px_ ** 2 + py_ ** 2
probe = (np.exp(-r2 / (2 * 9.0 ** 2)) * np.exp(1j * r2 / 150.0)).astype(np.complex64)
probe2 = (0.3 * np.exp(-r2 / (2 * 12.0 ** 2))).astype(np.complex64)  # a weaker second incoherent mode

# Far-field counts of P * O_patch (patch at the rounded position), Poisson at ~1e5 photons per pattern.
counts = np.empty((M, N, N), np.uint16)
for k in range(M):
    r0, c0 = int(round(ys[k])) - N // 2, int(round(xs[k])) - N // 2
    psi = probe * obj[r0:r0 + N, c0:c0 + N]
    inten = np.abs(np.fft.fftshift(np.fft.fft2(psi))) ** 2 / N ** 2
    inten *= 1e5 / inten.sum()
    counts[k] = np.minimum(rng.poisson(inten), 60000)
# Bad pixels: a dead column inside the signal and a hot pixel, both holding garbage.
bad = np.zeros((N, N), bool)
bad[:, 37] = True
bad[20, 50] = True
counts[:, bad] = 65535

np.savez(os.path.join(OUT, "scan.npz"), xcoords=xs, ycoords=ys, diff3d=counts, probeGuess=probe, bad_pixels=bad)
amplitude = np.sqrt(counts.astype(np.float32))
np.savez(os.path.join(OUT, "scan_amplitude.npz"), xcoords=xs, ycoords=ys, diff3d=amplitude, probeGuess=probe,
         objectGuess=obj, scan_index=np.zeros(M, np.int64))

# ptychodus frame: x_m = center_x + (x_px - W/2) * pixel (inverse of map_coordinates_probe_to_object).
x_m = CENTER[0] + (xs - W / 2) * PIXEL
y_m = CENTER[1] + (ys - H / 2) * PIXEL
indexes = np.arange(M, dtype=np.int64)
probe_modes = np.stack([probe, probe2])  # (modes, N, N)
object_layers = obj[np.newaxis]  # (layers, H, W)

with h5py.File(os.path.join(OUT, "product.h5"), "w") as f:
    f.attrs["name"] = "fixture"
    f.attrs["comments"] = "written by make_format_fixtures.py"
    f.attrs["detector_object_distance_m"] = DISTANCE
    f.attrs["probe_energy_eV"] = ENERGY_EV
    f.attrs["probe_photon_count"] = 1e5
    f.attrs["exposure_time_s"] = 0.1
    f.attrs["mass_attenuation_m2_kg"] = 0.0
    f.create_dataset("probe_position_indexes", data=indexes)
    f.create_dataset("probe_position_x_m", data=x_m)
    f.create_dataset("probe_position_y_m", data=y_m)
    d = f.create_dataset("probe", data=probe_modes)
    d.attrs["pixel_width_m"] = PIXEL
    d.attrs["pixel_height_m"] = PIXEL
    d = f.create_dataset("object", data=object_layers)
    d.attrs["center_x_m"] = CENTER[0]
    d.attrs["center_y_m"] = CENTER[1]
    d.attrs["pixel_width_m"] = PIXEL
    d.attrs["pixel_height_m"] = PIXEL
    f.create_dataset("object_layer_spacing_m", data=np.array([], np.float64))
    f.create_dataset("loss_epochs", data=np.array([], np.int64))
    f.create_dataset("loss_values", data=np.array([], np.float64))

np.savez(os.path.join(OUT, "product.npz"),
         name="fixture", comments="written by make_format_fixtures.py", detector_object_distance_m=DISTANCE,
         probe_energy_eV=ENERGY_EV, probe_photon_count=1e5, exposure_time_s=0.1, mass_attenuation_m2_kg=0.0,
         probe_position_indexes=indexes, probe_position_x_m=x_m, probe_position_y_m=y_m,
         probe=probe_modes, probe_pixel_width_m=PIXEL, probe_pixel_height_m=PIXEL,
         object=object_layers, object_center_x_m=CENTER[0], object_center_y_m=CENTER[1],
         object_pixel_width_m=PIXEL, object_pixel_height_m=PIXEL, object_layer_spacing_m=np.array([], np.float64),
         loss_epochs=np.array([], np.int64), loss_values=np.array([], np.float64))

with h5py.File(os.path.join(OUT, "diffraction.h5"), "w") as f:
    f.create_dataset("patterns", data=counts, compression="lzf")
    f.create_dataset("indexes", data=indexes, compression="lzf")
    f.create_dataset("bad_pixels", data=bad, compression="lzf")

with h5py.File(os.path.join(OUT, "diffraction_unknown_filter.h5"), "w") as f:
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk((1, N, N))
    dcpl.set_filter(32099, h5py.h5z.FLAG_OPTIONAL, (1,))
    space = h5py.h5s.create_simple(counts.shape)
    h5py.h5d.create(f.id, b"patterns", h5py.h5t.NATIVE_UINT16, space, dcpl=dcpl).write(h5py.h5s.ALL, h5py.h5s.ALL, counts)
    f.create_dataset("indexes", data=indexes)
    f.create_dataset("bad_pixels", data=bad)

# PtychoPINN's exporter: positions x_px * pixel (object centre ignored), /raw_data with pixel positions.
with h5py.File(os.path.join(OUT, "product_raw.h5"), "w") as f:
    f.attrs["name"] = ""
    f.attrs["comments"] = ""
    f.attrs["detector_object_distance_m"] = DISTANCE
    f.attrs["probe_energy_eV"] = ENERGY_EV
    f.attrs["probe_photon_count"] = 0.0
    f.attrs["exposure_time_s"] = 0.0
    f.attrs["mass_attenuation_m2_kg"] = 0.0
    f.attrs["tomography_angle_deg"] = 0.0
    f.create_dataset("probe_position_indexes", data=np.zeros(M, np.int64))
    f.create_dataset("probe_position_x_m", data=xs * PIXEL)
    f.create_dataset("probe_position_y_m", data=ys * PIXEL)
    d = f.create_dataset("probe", data=probe)
    d.attrs["pixel_width_m"] = PIXEL
    d.attrs["pixel_height_m"] = PIXEL
    d = f.create_dataset("object", data=obj)
    d.attrs["center_x_m"] = 0.0
    d.attrs["center_y_m"] = 0.0
    d.attrs["pixel_width_m"] = PIXEL
    d.attrs["pixel_height_m"] = PIXEL
    f.create_dataset("object_layer_spacing_m", data=np.array([], np.float64))
    f.create_dataset("loss_values", data=np.array([], np.float64))
    f.create_dataset("loss_epochs", data=np.array([], np.int64))
    f.attrs["bundle_version"] = "1.0"
    f.attrs["contains_raw_data"] = 1
    g = f.require_group("raw_data")
    d = g.create_dataset("diffraction", data=amplitude, compression="gzip", compression_opts=4, shuffle=True)
    d.attrs["axis_canonical"] = "NHW"
    d.attrs["original_axis_order"] = "NHW"
    g.create_dataset("xcoords", data=xs)
    g.create_dataset("ycoords", data=ys)
    g.create_dataset("scan_index", data=np.zeros(M, np.int64))
    g["probeGuess"] = f["probe"]
    g["objectGuess"] = f["object"]

with h5py.File(os.path.join(OUT, "scan.cxi"), "w") as f:
    f.create_dataset("cxi_version", data=150)
    e = f.create_group("entry_1")
    inst = e.create_group("instrument_1")
    src = inst.create_group("source_1")
    src.create_dataset("energy", data=ENERGY_J)
    src.create_dataset("illumination", data=probe)
    det = inst.create_group("detector_1")
    det.create_dataset("distance", data=DISTANCE)
    det.create_dataset("x_pixel_size", data=DET_PIXEL)
    det.create_dataset("y_pixel_size", data=DET_PIXEL)
    mask = np.where(bad, 0x1, 0).astype(np.uint32)
    mask[0, 0] |= 0x2  # another CXI mask bit (not "invalid"): must not exclude the pixel
    det.create_dataset("mask", data=mask)
    data = e.create_group("data_1")
    data.create_dataset("data", data=counts, compression="gzip", chunks=(1, N, N))
    data.create_dataset("translation", data=np.stack([xs * PIXEL, ys * PIXEL, np.zeros(M)], axis=1))
    det["data"] = data["data"]

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump({"M": M, "N": N, "pixel_m": PIXEL, "center_m": CENTER, "object_shape": [H, W],
               "bad_pixels": int(bad.sum()), "cxi_shift_px": [float(N / 2 - np.floor(xs.min())), float(N / 2 - np.floor(ys.min()))]}, f, indent=2)
    f.write("\n")
print("wrote", sorted(os.listdir(OUT)))
