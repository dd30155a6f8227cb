#!/usr/bin/env python3
"""Independent numpy/scipy reference for linesPinnObject (src/sim/lines-pinn-object.ts).

PtychoPINN's `lines` recipe (ptycho/diffsim.py: mk_lines_img, sim_object_image, dummy_phi),
written here from its description, on a FIXED set of segments (the random stream is ours, not
numpy's, so only the deterministic part is compared):
  canvas 2H x 2W, 1-pixel lines of value 1; I = gf(img, 1) + 2 gf(img, 5) + 5 gf(img, 10)
  (scipy.ndimage.gaussian_filter, mode 'reflect', truncate 4); centre crop rows H//2 .. H//2+H-1;
  phase = pi tanh((I - max I / 2) / (3 mean I)); amplitude = I / max I.
Rasterisation: every pixel along the longer axis, the other coordinate np.round(t d / D); the
segments are chosen so that no t d / D is a half-integer (odd D, or axis-aligned, or 45 degrees),
so rounding conventions cannot differ. H is odd to pin down the crop rule.

Writes src/sim/__fixtures__/lines-pinn-expected.json. Run: python3 packages/physics/scripts/make-lines-pinn-fixture.py
"""
import json
import os

import numpy as np
from scipy.ndimage import gaussian_filter

H, W = 25, 20
SEGMENTS = [
    (3, 5, 44, 30),   # D = 41 along rows
    (10, 38, 10, 2),  # horizontal
    (0, 20, 49, 20),  # vertical, full height
    (45, 1, 20, 26),  # 45 degrees
    (30, 39, 37, 0),  # D = 39 along columns
    (12, 12, 12, 12), # one pixel
    (5, 30, 28, 17),  # D = 23 along rows
]

img = np.zeros((2 * H, 2 * W))
for r0, c0, r1, c1 in SEGMENTS:
    D = max(abs(r1 - r0), abs(c1 - c0))
    t = np.arange(D + 1)
    if D == 0:
        img[r0, c0] = 1
        continue
    assert D % 2 == 1 or abs(r1 - r0) in (0, D) and abs(c1 - c0) in (0, D), "ties possible"
    rr = r0 + np.round(t * (r1 - r0) / D).astype(int)
    cc = c0 + np.round(t * (c1 - c0) / D).astype(int)
    img[rr, cc] = 1

I = gaussian_filter(img, 1) + 2 * gaussian_filter(img, 5) + 5 * gaussian_filter(img, 10)
I = I[H // 2:H // 2 + H, W // 2:W // 2 + W]
phase = np.pi * np.tanh((I - I.max() / 2) / (3 * I.mean()))
amplitude = I / I.max()

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "sim", "__fixtures__", "lines-pinn-expected.json")
with open(out, "w") as f:
    json.dump({
        "source": "packages/physics/scripts/make-lines-pinn-fixture.py (numpy %s)" % np.__version__,
        "height": H, "width": W, "segments": SEGMENTS,
        "amplitude": [round(float(v), 12) for v in amplitude.ravel()],
        "phase": [round(float(v), 12) for v in phase.ravel()],
    }, f)
    f.write("\n")
print(f"wrote {out}: amplitude {amplitude.min():.4f}..{amplitude.max():.4f}, phase {phase.min():.4f}..{phase.max():.4f}")
