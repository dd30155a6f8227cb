#!/usr/bin/env python3
"""Write the small NPY/NPZ fixtures used by @ptychojs/io tests (numpy >= 1.17; made with 2.4).

Run from anywhere:  python3 packages/io/scripts/make_fixtures.py
Outputs go to packages/io/test/fixtures/ (a few tens of kilobytes in all) together with
expected.json, which records for every .npy fixture its dtype, shape and C-ordered values
(complex interleaved re, im; 64-bit integers as decimal strings).
"""
import io
import json
import os
import zipfile

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures")
os.makedirs(OUT, exist_ok=True)
expected = {}

SHAPE = (2, 3, 4)
K = np.arange(24).reshape(SHAPE)


def values(kind, size):
    """The reference values for one dtype code (also recomputed independently in the tests)."""
    if kind.startswith("f"):
        return K * 0.5 - 3.0
    if kind.startswith("c"):
        return (K * 0.5 - 3.0) + 1j * (1.0 - 0.25 * K)
    if kind == "b1":
        return K % 3 == 0
    if kind.startswith("i"):
        big = 2**40 if size == 8 else 0
        return K - 5 - big
    if kind.startswith("u"):
        big = 2**40 if size == 8 else 0
        return K + big
    raise ValueError(kind)


def record(name, a):
    a = np.asarray(a)
    flat = a.reshape(-1, order="C")
    if a.dtype.kind == "c":
        vals = np.stack([flat.real, flat.imag], axis=-1).reshape(-1).astype(float).tolist()
    elif a.dtype.itemsize == 8 and a.dtype.kind in "iu":
        vals = [str(int(v)) for v in flat]
    elif a.dtype.kind == "b":
        vals = [int(v) for v in flat]
    elif a.dtype.kind in "US":
        vals = [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in flat]
    else:
        vals = flat.astype(float).tolist()
    code = {"f": "f", "c": "c", "i": "i", "u": "u", "b": "b"}.get(a.dtype.kind, a.dtype.kind)
    dt = "f4" if (a.dtype.kind == "f" and a.dtype.itemsize == 2) else (a.dtype.kind if a.dtype.kind in "US" else f"{code}{a.dtype.itemsize}")
    expected[name] = {"dtype": dt, "shape": list(a.shape), "values": vals}


def save(name, a, version=None):
    with open(os.path.join(OUT, name), "wb") as f:
        if version is None:
            np.save(f, a)
        else:
            np.lib.format.write_array(f, a, version=version)
    record(name, a)


# Every dtype, both byte orders.
for code in ["f2", "f4", "f8", "c8", "c16", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]:
    size = int(code[1:])
    v = values(code, size)
    for order in ("<", ">"):
        if size == 1 and order == ">":
            continue
        dt = np.dtype(f"|{code}" if size == 1 else f"{order}{code}")
        save(f"{code}_{'be' if order == '>' else 'le'}.npy", v.astype(dt))

# Fortran order (np.save writes fortran_order True for F-contiguous, non-C-contiguous arrays).
save("f8_fortran.npy", np.asfortranarray((K * 0.5 - 3.0).reshape(4, 6)))
save("c16_fortran.npy", np.asfortranarray(values("c16", 16)))
save("f4_fortran_be.npy", np.asfortranarray(values("f4", 4).astype(">f4")))
# 0-d scalars.
save("f8_scalar.npy", np.array(3.25))
save("c8_scalar.npy", np.array(1.5 - 2j, dtype=np.complex64))
# Empty array.
save("f4_empty.npy", np.zeros((0, 3), dtype=np.float32))
# Format versions 2.0 and 3.0.
save("f8_v2.npy", values("f8", 8), version=(2, 0))
save("c8_v3.npy", values("c8", 8).astype(np.complex64), version=(3, 0))
save("i4_fortran_v2.npy", np.asfortranarray(values("i4", 4).astype("<i4")), version=(2, 0))
# Strings: numpy stores np.array(json.dumps(d)) as a 0-d '<U…' (UTF-32LE) array.
meta = {"nphotons": 1e6, "source": "make_fixtures.py", "note": "ünïcode ✓"}
save("U_scalar.npy", np.array(json.dumps(meta, ensure_ascii=False)))
save("S_vector.npy", np.array([b"ab", b"cde", b""]))
save("U_be.npy", np.array(["x", "yz"], dtype=">U2"))

# NPZ archives: stored (np.savez) and deflated (np.savez_compressed), ZIP64 local headers.
members = {
    "a": values("f8", 8),
    "b": values("c8", 8).astype(np.complex64),
    "c": np.asfortranarray(values("i4", 4).astype("<i4")),
    "s": np.array(3.25),
    "group/d": values("u2", 2).astype("<u2"),
}
np.savez(os.path.join(OUT, "stored.npz"), **members)
np.savez_compressed(os.path.join(OUT, "deflated.npz"), **members)
for k, v in members.items():
    record(f"npz:{k}", v)


# A raw scan in the SPEC §3 contract (M=5, N=64), small after deflate.
def raw_scan(M=5, N=64):
    yy, xx = np.mgrid[0:N, 0:N]
    r2 = (xx - N / 2) ** 2 + (yy - N / 2) ** 2
    diff = np.stack([np.sqrt(np.floor(100 * np.exp(-r2 / (2 * (4 + k) ** 2)))) for k in range(M)]).astype(np.float32)
    g = np.exp(-r2 / (2 * 8.0**2))
    probe = (np.round(64 * g) / 64 + 1j * np.round(16 * g) / 64).astype(np.complex64)  # quantized: deflates well
    obj = np.full((96, 96), 0.5 + 0.25j, dtype=np.complex64)
    return {
        "xcoords": 40.0 + 4.0 * np.arange(M),
        "ycoords": 44.0 + 2.0 * np.arange(M),
        "xcoords_start": 40.0 + 4.0 * np.arange(M),
        "ycoords_start": 44.0 + 2.0 * np.arange(M),
        "diff3d": diff,
        "probeGuess": probe,
        "objectGuess": obj,
        "scan_index": np.zeros(M, dtype=np.int64),
        "_metadata": np.array(json.dumps({"nphotons": 1e6, "source": "make_fixtures.py"})),
    }


raw = raw_scan()
np.savez_compressed(os.path.join(OUT, "raw_scan.npz"), **raw)
expected["raw_scan.npz"] = {
    "M": 5, "N": 64,
    "xcoords": raw["xcoords"].tolist(), "ycoords": raw["ycoords"].tolist(),
    "diff3d_sum": float(raw["diff3d"].astype(np.float64).sum()),
    "diff3d_at_2_32_33": float(raw["diff3d"][2, 32, 33]),
    "probe_at_32_40": [float(raw["probeGuess"][32, 40].real), float(raw["probeGuess"][32, 40].imag)],
    "metadata": {"nphotons": 1e6, "source": "make_fixtures.py"},
}

# --- Bad files -----------------------------------------------------------------------------
# Wrong-rank diff3d, NaN-bearing diff3d (+ a negative amplitude), both otherwise valid.
bad = raw_scan(M=3)
bad["diff3d"] = bad["diff3d"][:, :, 0]  # (3, 64): rank 2
np.savez_compressed(os.path.join(OUT, "bad_rank.npz"), **bad)
bad = raw_scan(M=3)
bad["diff3d"][1, 5, 7] = np.nan
bad["diff3d"][2, 0, 1] = -1.0
bad["diff3d"][2, 0, 2] = -2.0
np.savez_compressed(os.path.join(OUT, "bad_nan.npz"), **bad)
# Truncated NPZ: the first 60 % of a stored archive.
buf = io.BytesIO()
np.savez(buf, **members)
with open(os.path.join(OUT, "truncated.npz"), "wb") as f:
    f.write(buf.getvalue()[: int(len(buf.getvalue()) * 0.6)])
# Lying header: the header says (20,) float64 but only 10 elements follow.
buf = io.BytesIO()
np.save(buf, np.arange(10, dtype=np.float64))
lying = buf.getvalue().replace(b"'shape': (10,), ", b"'shape': (20,), ")
assert len(lying) == len(buf.getvalue())
with open(os.path.join(OUT, "lying_header.npy"), "wb") as f:
    f.write(lying)
# Object dtype (contains a pickle; must be refused, never unpickled).
with open(os.path.join(OUT, "object.npy"), "wb") as f:
    np.save(f, np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
with zipfile.ZipFile(os.path.join(OUT, "object.npz"), "w") as z:
    z.writestr("ok.npy", open(os.path.join(OUT, "f8_le.npy"), "rb").read())
    z.writestr("obj.npy", open(os.path.join(OUT, "object.npy"), "rb").read())
# Structured dtype.
with open(os.path.join(OUT, "structured.npy"), "wb") as f:
    np.save(f, np.zeros(3, dtype=[("x", "<f4"), ("y", "<i4")]))

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("wrote", len(os.listdir(OUT)), "files to", os.path.normpath(OUT))
