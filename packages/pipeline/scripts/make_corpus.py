#!/usr/bin/env python3
"""Write the corpus of malformed and implausible scan files used by test/corpus.test.ts.

Run from anywhere:  python3 packages/pipeline/scripts/make_corpus.py   (numpy >= 1.17)

Each case is one small file (a few kB; the whole corpus stays well under 2 MB) written to
packages/pipeline/test/corpus/, and one entry in cases.json with its documented outcome:

  expect.read      substrings of the InputError that reading the file must raise (exit 2)
  expect.contract  substrings of checkRawData's problems (the file parses; the scan contract fails)
  expect.problems / expect.warnings   the exact assessScan codes (sorted) for `settings`: a command
                   (what it needs of the scan: SCAN_NEEDS in src/scan/check-scan.ts) and its settings
  expect.notes     substrings of checkRawData's notes

Cases are grouped by kind; each kind has the example from the issue and the other members found.
Output is deterministic (seeded), so re-running leaves git clean.
"""
import io
import json
import os
import shutil
import struct
import zipfile
import zlib

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "corpus")
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)
CASES = []
rng = np.random.default_rng(20240909)

N = 64
H = W = 100


# ---------------------------------------------------------------------------------------------
# A well-formed base scan: 16 positions on a 4×4 grid, 6 px apart, centred in a 100×100 object;
# sparse Gaussian far-field intensity (σ = 1.5 px, 1e4 counts per pattern) so files compress to kB.
def grid(n=4, step=6.0, start=40.0):
    k = np.arange(n * n)
    return start + step * (k % n), start + step * (k // n)


def pattern_rate(dose=1e4, sigma=1.5):
    i = np.arange(N) - N // 2
    g = np.exp(-(i[:, None] ** 2 + i[None, :] ** 2) / (2 * sigma**2))
    return dose * g / g.sum()


def counts(M, dose=1e4):
    return rng.poisson(pattern_rate(dose), size=(M, N, N))


def probe():
    i = np.arange(N) - N // 2
    r = np.hypot(i[:, None], i[None, :])
    amp = np.clip((12 - r) / 2, 0, 1)  # soft disk, radius 12 px
    return (amp * np.exp(0.5j * (r < 6))).astype(np.complex64)


def obj(h=H, w=W):
    o = np.ones((h, w), np.complex64)
    o[30:70, 30:70] *= np.exp(0.5j)  # a piecewise-constant phase square
    return o


def base(M=16, x=None, y=None, with_object=True, dose=1e4):
    if x is None:
        x, y = grid()
        if M != 16:
            x, y = x[:M], y[:M]
    d = {
        "xcoords": np.asarray(x, np.float64),
        "ycoords": np.asarray(y, np.float64),
        "diff3d": np.sqrt(counts(len(x), dose)).astype(np.float32),
        "probeGuess": probe(),
    }
    if with_object:
        d["objectGuess"] = obj()
    return d


def case(name, kind, what, expect, arrays=None, raw=None, settings=None, read=None, ext="npz", compressed=True):
    """Write one case: arrays via np.savez(_compressed), or raw bytes."""
    fname = f"{name}.{ext}"
    path = os.path.join(OUT, fname)
    if raw is not None:
        with open(path, "wb") as f:
            f.write(raw)
    elif ext == "npy":
        np.save(path, arrays)
    else:
        (np.savez_compressed if compressed else np.savez)(path, **arrays)
    entry = {"name": name, "file": fname, "kind": kind, "what": what, "expect": expect}
    if settings is not None:
        entry["settings"] = settings
    if read is not None:
        entry["read"] = read
    CASES.append(entry)


def npy_bytes(a, **kw):
    b = io.BytesIO()
    np.lib.format.write_array(b, np.asarray(a), allow_pickle=kw.get("allow_pickle", False), version=kw.get("version"))
    return b.getvalue()


def npy_with_header(header_text, payload=b"", version=(1, 0)):
    """An NPY file with an arbitrary header text (padded like numpy, 64-byte aligned)."""
    h = header_text.encode("latin1")
    fixed = 10 if version[0] == 1 else 12
    pad = (-(fixed + len(h) + 1)) % 64
    h = h + b" " * pad + b"\n"
    lenfield = struct.pack("<H", len(h)) if version[0] == 1 else struct.pack("<I", len(h))
    return b"\x93NUMPY" + bytes(version) + lenfield + h + payload


# ---------------------------------------------------------------------------------------------
# A minimal zip writer with every header field under our control (for lying headers).
def zip_bytes(members, comment=b""):
    """members: dicts with name (str), data (bytes as stored), method (0|8), usize, crc, and optional
    overrides: c_csize, c_usize, l_csize, l_usize, l_name, c_offset, c_extra, l_extra, flags."""
    out = bytearray()
    central = bytearray()
    for m in members:
        name = m["name"].encode()
        offset = len(out)
        csize = len(m["data"])
        usize = m.get("usize", csize)
        crc = m.get("crc", 0)
        l_extra = m.get("l_extra", b"")
        l_name = m.get("l_name", m["name"]).encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, m.get("flags", 0), m["method"], 0, 0x21, crc,
                           m.get("l_csize", csize), m.get("l_usize", usize), len(l_name), len(l_extra))
        out += l_name + l_extra + m["data"]
        c_extra = m.get("c_extra", b"")
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, m.get("flags", 0), m["method"], 0, 0x21, crc,
                               m.get("c_csize", csize), m.get("c_usize", usize), len(name), len(c_extra), 0, 0, 0, 0,
                               m.get("c_offset", offset))
        central += name + c_extra
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd_offset, len(comment)) + comment
    return bytes(out)


def deflate(b, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(b) + c.flush()


def member(name, npy, method=8, **kw):
    data = deflate(npy) if method == 8 else npy
    return {"name": name, "data": data, "method": method, "usize": len(npy), "crc": zlib.crc32(npy), **kw}


def valid_members(method=8):
    """The base scan as zip members (so one of them can be replaced by a lying one)."""
    return [member(k + ".npy", npy_bytes(v), method) for k, v in base().items()]


def replace(members, name, new):
    return [new if m["name"] == name else m for m in members]


def npz_of(arrays):
    b = io.BytesIO()
    np.savez_compressed(b, **arrays)
    return b.getvalue()


# =============================================================================================
# Kind: unreadable containers (read → InputError, exit 2)
good = npz_of(base())
case("container_truncated_half", "truncated", "an NPZ cut in half (a killed copy)", {"read": ["truncated"]}, raw=good[: len(good) // 2])
case("container_truncated_tail", "truncated", "an NPZ missing its last 10 bytes (end record cut)", {"read": ["truncated"]}, raw=good[:-10])
case("container_truncated_member", "truncated", "a member's data cut short: the central directory says more than the file holds",
     {"read": ["truncated"]}, raw=zip_bytes([dict(m, data=m["data"][: len(m["data"]) // 2]) if m["name"] == "diff3d.npy" else m for m in valid_members()])[:])
case("container_empty", "truncated", "an empty file", {"read": ["too short"]}, raw=b"")
case("container_png", "wrong magic", "a PNG renamed to .npz", {"read": ["not a zip archive"]}, raw=b"\x89PNG\r\n\x1a\n" + bytes(200))
case("container_npy_as_npz", "wrong magic", "a single .npy given where an .npz is expected", {"read": ["not a zip archive"]},
     raw=npy_bytes(np.zeros(40, np.float32)))
case("container_hdf5", "wrong magic", "an HDF5 file (what many beamlines write) renamed to .npz", {"read": ["not a zip archive"]},
     raw=b"\x89HDF\r\n\x1a\n" + bytes(300))
case("member_bad_magic", "wrong magic", "a member 'diff3d.npy' that is not NPY (a nested zip)", {"read": ["diff3d", "bad magic"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", good[:2000]))))
case("member_npy_version", "wrong magic", "NPY format version 9.0", {"read": ["xcoords", "unsupported NPY format version"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", b"\x93NUMPY\x09\x00" + npy_bytes(np.zeros(16))[8:]))))
case("member_header_python", "malformed header", "an NPY header holding a Python expression (never evaluated)",
     {"read": ["xcoords", "malformed NPY header"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", npy_with_header("{'descr': __import__('os').system('x'), 'fortran_order': False, 'shape': (16,), }", bytes(128))))))
case("member_header_nested", "malformed header", "an NPY header nested 1000 deep", {"read": ["xcoords", "nesting too deep"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': " + "(" * 1000 + ")" * 1000 + ", }")))))
case("member_header_unterminated", "malformed header", "an NPY header whose string never ends", {"read": ["xcoords", "unterminated string"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", npy_with_header("{'descr': '<f8")))))
case("member_header_negative_shape", "malformed header", "a negative dimension", {"read": ["xcoords", "non-negative"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-16,), }")))))
case("npy_truncated_payload", "truncated", "a .npy whose payload is cut short", {"read": ["payload length does not match"]},
     raw=npy_bytes(np.arange(40, dtype=np.float64))[:-8], ext="npy")

# =============================================================================================
# Kind: headers that lie about sizes (checked before allocation; read → InputError)
huge = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }"
case("npy_shape_beyond_cap", "lying header", "NPY shape (1e6, 1e6) f8 = 8e12 bytes, above the 8 GiB cap, on a 128-byte payload",
     {"read": ["diff3d", "array too large"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", npy_with_header(huge, bytes(64)), 0))))
within = "{'descr': '<f8', 'fortran_order': False, 'shape': (625000000,), }"  # 5e9 bytes: under the cap, over V8's 4 GiB array limit
case("npy_shape_within_cap_stored", "lying header", "stored member whose NPY header declares 5e9 bytes (under the cap) with 64 bytes of data",
     {"read": ["diff3d", "disagree about the member's size"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", npy_with_header(within, bytes(64)), 0))))
case("npy_shape_within_cap_deflated", "lying header", "deflated member whose NPY header declares 5e9 bytes, zip size honest (64 bytes of data)",
     {"read": ["diff3d", "disagree about the member's size"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", npy_with_header(within, bytes(64))))))
lie = member("diff3d.npy", npy_bytes(np.zeros((16, N, N), np.float32)))
case("zip_usize_beyond_cap", "lying header", "central directory declares 1e12 uncompressed bytes (above the cap)",
     {"read": ["diff3d", "size cap"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=0xFFFFFFFF, l_usize=0xFFFFFFFF,
                                                                                                     c_extra=struct.pack("<HHQ", 1, 8, 10**12), l_extra=struct.pack("<HHQQ", 1, 16, 10**12, len(lie["data"]))))))
case("zip_usize_impossible_ratio", "lying header", "central directory declares 4.2e9 bytes from a few hundred compressed bytes (> deflate's 1032:1)",
     {"read": ["diff3d", "impossible for its compressed size"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=4_200_000_000, l_usize=4_200_000_000))))
case("zip_usize_small_lie", "lying header", "deflated member declares half its real size (output passes it)",
     {"read": ["diff3d", "more than its declared size"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=lie["usize"] // 2, l_usize=lie["usize"] // 2))))
short_npy = npy_bytes(rng.random(4000))  # 32 kB of incompressible float64
short = member("xcoords.npy", short_npy[: len(short_npy) // 2])
case("zip_usize_large_lie", "lying header", "deflated member's zip size and NPY header both promise 32 kB; the stream holds 16 kB",
     {"read": ["xcoords", "fewer bytes than declared"]}, raw=zip_bytes(replace(valid_members(), "xcoords.npy", dict(short, usize=len(short_npy)))))
case("zip_local_central_disagree", "lying header", "local header declares other sizes than the central directory",
     {"read": ["diff3d", "local header declares"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, l_usize=lie["usize"] * 4, l_csize=len(lie["data"]) + 7))))
xnpy = npy_bytes(base()["xcoords"])
case("zip_stored_sizes_disagree", "lying header", "stored member whose compressed and uncompressed sizes differ",
     {"read": ["xcoords", "stored member sizes disagree"]}, raw=zip_bytes(replace(valid_members(), "xcoords.npy", dict(member("xcoords.npy", xnpy, 0), c_usize=len(xnpy) * 2, l_usize=len(xnpy) * 2))))
case("zip_missing_zip64_extra", "lying header", "sizes of 0xffffffff (the ZIP64 marker) with no ZIP64 extra field",
     {"read": ["diff3d", "no ZIP64 extra field"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=0xFFFFFFFF))))
case("zip64_extra_huge", "lying header", "a ZIP64 extra declaring 2^60 bytes", {"read": ["diff3d", "out of range"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=0xFFFFFFFF, c_extra=struct.pack("<HHQ", 1, 8, 2**60)))))
case("zip64_extra_short", "lying header", "a ZIP64 extra too short for the saturated field", {"read": ["diff3d", "ZIP64 extra field"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_usize=0xFFFFFFFF, c_extra=struct.pack("<HHI", 1, 4, 7)))))
z = bytearray(zip_bytes(valid_members()))
struct.pack_into("<I", z, len(z) - 6, 10**9)  # EOCD: central directory offset far beyond the file
case("zip_cd_beyond_file", "lying header", "end record points the central directory past the end of the file", {"read": ["beyond the end of the file"]}, raw=bytes(z))
z = bytearray(zip_bytes(valid_members()))
struct.pack_into("<I", z, len(z) - 6, 0)  # EOCD: central directory at offset 0 (a local header)
case("zip_cd_garbage", "lying header", "end record points the central directory at a local header", {"read": ["bad central directory entry"]}, raw=bytes(z))
case("zip_offset_beyond_file", "lying header", "a member's local-header offset beyond the end of the file", {"read": ["diff3d", "beyond the end of the file"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, c_offset=10**8))))

# =============================================================================================
# Kind: zip bombs (abort during inflation / refused from the directory)
zeros = npy_bytes(np.zeros((16, 256, 256), np.float32))  # 4 MiB of zeros → ~4 kB deflated
bomb = member("diff3d.npy", zeros)
case("bomb_honest_over_cap", "zip bomb", "4 MiB of zeros (1000:1) declaring its real size, above a 1 MiB cap",
     {"read": ["diff3d", "size cap"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", bomb)), read={"maxBytes": 1 << 20})
case("bomb_lying_small", "zip bomb", "4 MiB of zeros declaring 64 kB (aborts once output passes the declared size)",
     {"read": ["diff3d", "more than its declared size"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(bomb, c_usize=65536, l_usize=65536))), read={"maxBytes": 1 << 20})

def zip_overlap(members, target, copies):
    """A valid archive plus `copies` extra central entries that point at `target`'s local header."""
    raw = zip_bytes(members)
    eocd = raw.rfind(b"PK\x05\x06")
    n, cd_size, cd_off = struct.unpack_from("<HII", raw, eocd + 10)
    # find target's central entry
    p = cd_off
    entry = None
    while p < cd_off + cd_size:
        nl, el, cl = struct.unpack_from("<HHH", raw, p + 28)
        if raw[p + 46:p + 46 + nl].decode() == target:
            entry = raw[p:p + 46 + nl + el + cl]
        p += 46 + nl + el + cl
    extra = b""
    for k in range(copies):
        e = bytearray(entry)
        name = f"copy{k:02d}.npy".encode()
        e = e[:28] + struct.pack("<H", len(name)) + e[30:46] + name + e[46 + struct.unpack_from("<H", entry, 28)[0]:]
        extra += bytes(e)
    central = raw[cd_off:cd_off + cd_size] + extra
    return raw[:cd_off] + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n + copies, n + copies, len(central), cd_off, 0)


case("bomb_overlapping_members", "zip bomb", "50 central entries sharing diff3d's compressed stream (non-recursive zip bomb)",
     {"read": ["overlap"]}, raw=zip_overlap(valid_members(), "diff3d.npy", 50))
many = valid_members() + [member(f"extra{k}.npy", npy_bytes(np.zeros((4, 256, 256), np.float32))) for k in range(6)]
case("bomb_total_over_cap", "zip bomb", "six 1 MiB members, each under a 4 MiB cap, 6 MiB in all", {"read": ["archive expands past the size cap"]},
     raw=zip_bytes(many), read={"maxBytes": 4 << 20})
case("zip_duplicate_member", "ambiguous", "two members named diff3d.npy", {"read": ["diff3d", "duplicate member"]},
     raw=zip_bytes(valid_members() + [member("diff3d.npy", npy_bytes(np.ones((16, N, N), np.float32)))]))
case("zip_local_name_differs", "ambiguous", "local header names 'probeGuess.npy', the central directory 'diff3d.npy'",
     {"read": ["diff3d", "ambiguous archive"]}, raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, l_name="probeGuess.npy"))))
case("zip_encrypted", "unsupported", "an encrypted member", {"read": ["diff3d", "encrypted"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, flags=1))))
case("zip_method_bzip2", "unsupported", "a bzip2-compressed member (method 12)", {"read": ["diff3d", "unsupported compression method"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", dict(lie, method=12))))
bad_crc = dict(lie, crc=(lie["crc"] ^ 1))
case("zip_crc_mismatch", "truncated", "a deflated member whose CRC-32 does not match (bit rot)", {"read": ["diff3d", "CRC-32"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", bad_crc)))
corrupt = dict(lie, data=bytes([lie["data"][0]]) + bytes(b ^ 0x55 for b in lie["data"][1:60]) + lie["data"][60:])
case("zip_corrupt_deflate", "truncated", "a deflate stream with flipped bytes", {"read": ["diff3d"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", corrupt)))

# =============================================================================================
# Kind: unsupported and object dtypes
case("dtype_object", "dtype", "an object (pickle) member", {"read": ["diff3d", "object dtype"]},
     raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", npy_bytes(np.array([{"a": 1}], dtype=object), allow_pickle=True)))))
case("dtype_structured", "dtype", "a structured dtype", {"read": ["xcoords", "structured"]},
     raw=zip_bytes(replace(valid_members(), "xcoords.npy", member("xcoords.npy", npy_bytes(np.zeros(16, dtype=[("x", "<f8"), ("y", "<f8")]))))))
for code, what in [("<f16", "float128 (long double)"), ("<c32", "complex256"), ("<M8[ns]", "datetime64"), ("<m8[s]", "timedelta64"), ("|V8", "raw void")]:
    safe = code.strip("<|").replace("[", "_").replace("]", "")
    case(f"dtype_{safe}", "dtype", f"diffraction stored as {what}", {"read": ["diff3d", "unsupported dtype"]},
         raw=zip_bytes(replace(valid_members(), "diff3d.npy", member("diff3d.npy", npy_with_header(f"{{'descr': '{code}', 'fortran_order': False, 'shape': (1,), }}", bytes(np.dtype(code).itemsize))))))
b = base()
case("dtype_string_diff3d", "dtype", "diffraction as strings", {"contract": ["diff3d", "wrong dtype"]}, arrays={**b, "diff3d": np.array(["a"] * 16)})
case("dtype_complex_diff3d", "dtype", "complex diffraction (a far field, not its amplitude)", {"contract": ["diff3d", "wrong dtype", "complex64"]},
     arrays={**b, "diff3d": b["diff3d"].astype(np.complex64)})
case("dtype_bool_diff3d", "dtype", "a boolean mask saved as diff3d", {"contract": ["diff3d", "wrong dtype", "bool"]}, arrays={**b, "diff3d": b["diff3d"] > 5})
case("dtype_string_probe", "dtype", "probe as strings", {"contract": ["probeGuess", "wrong dtype"]}, arrays={**b, "probeGuess": np.array(["p"])})
case("dtype_float16_diff3d", "dtype", "amplitudes stored as float16 (accepted; reported as float16)",
     {"problems": [], "warnings": [], "notes": ["stored as float16 ('<f2'); read as float32"], "storedDtype": "float16"},
     arrays={**b, "diff3d": b["diff3d"].astype(np.float16)}, settings={"command": "run"})
case("dtype_bigendian_diff3d", "dtype", "amplitudes stored big-endian float64 (accepted; noted)",
     {"problems": [], "warnings": [], "notes": ["big-endian"], "storedDtype": "float64 (big-endian)"},
     arrays={**b, "diff3d": b["diff3d"].astype(">f8")}, settings={"command": "run"})
case("dtype_fortran_diff3d", "dtype", "amplitudes in Fortran order (accepted, transposed to C order)", {"problems": [], "warnings": []},
     arrays={**b, "diff3d": np.asfortranarray(b["diff3d"])}, settings={"command": "run"})
case("dtype_int_coords", "dtype", "integer positions (accepted)", {"problems": [], "warnings": []},
     arrays={**b, "xcoords": b["xcoords"].astype(np.int64), "ycoords": b["ycoords"].astype(np.int32)}, settings={"command": "run"})
case("dtype_float_scan_index", "dtype", "scan_index as float", {"contract": ["scan_index", "wrong dtype"]}, arrays={**b, "scan_index": np.zeros(16)})
case("metadata_not_json", "dtype", "_metadata that is not JSON", {"contract": ["_metadata", "invalid JSON"]}, arrays={**b, "_metadata": np.array("nphotons=1e4")})
case("metadata_numeric", "dtype", "_metadata as a number", {"contract": ["_metadata", "not a JSON string"]}, arrays={**b, "_metadata": np.array(3.0)})

# =============================================================================================
# Kind: wrong ranks and shapes
case("rank_diff3d_2d", "rank", "diffraction flattened to (M, N·N)", {"contract": ["diff3d", "wrong rank", "(16, 4096)"]}, arrays={**b, "diff3d": b["diff3d"].reshape(16, -1)})
case("rank_diff3d_4d", "rank", "diffraction with a channel axis (M, N, N, 1): read as (M, N, N), noted", {"problems": [], "warnings": [], "notes": ["'diff3d' stored as (16, 64, 64, 1) float32: read as (16, 64, 64)"]}, arrays={**b, "diff3d": b["diff3d"][..., None]})
case("rank_coords_column", "rank", "(M, 1) coordinates (a MATLAB column): read as (M,), noted", {"problems": [], "warnings": [], "notes": ["'xcoords' stored as (16, 1) float64: read as (16,)"]}, arrays={**b, "xcoords": b["xcoords"][:, None]})
case("rank_coords_row", "rank", "(1, M) coordinates: read as (M,), noted", {"problems": [], "warnings": [], "notes": ["'ycoords' stored as (1, 16) float64: read as (16,)"]}, arrays={**b, "ycoords": b["ycoords"][None, :]})
case("rank_coords_scalar", "rank", "0-d coordinates", {"contract": ["xcoords", "wrong rank"]}, arrays={**b, "xcoords": np.array(40.0)})
case("rank_coords_xy_stacked", "rank", "positions as one (M, 2) array under xcoords", {"contract": ["xcoords", "wrong rank", "(16, 2)"]},
     arrays={**b, "xcoords": np.stack([b["xcoords"], b["ycoords"]], 1)})
case("rank_probe_3d", "rank", "probe with one mode (1, N, N): read as (N, N), noted", {"problems": [], "warnings": [], "notes": ["'probeGuess' stored as (1, 64, 64) complex64: read as (64, 64)"]}, arrays={**b, "probeGuess": b["probeGuess"][None]})
case("rank_object_3d", "rank", "objectGuess with a slice axis (1, H, W): read as (H, W), noted", {"problems": [], "warnings": [], "notes": ["'objectGuess' stored as (1, "]}, arrays={**b, "objectGuess": b["objectGuess"][None]})
case("m_mismatch_y", "M mismatch", "15 y coordinates for 16 x", {"contract": ["ycoords", "M mismatch"]}, arrays={**b, "ycoords": b["ycoords"][:15]})
case("m_mismatch_diff3d", "M mismatch", "15 patterns for 16 positions", {"contract": ["diff3d", "M mismatch"]}, arrays={**b, "diff3d": b["diff3d"][:15]})
case("m_mismatch_start", "M mismatch", "xcoords_start shorter than xcoords", {"contract": ["xcoords_start", "M mismatch"]}, arrays={**b, "xcoords_start": b["xcoords"][:10]})
case("m_mismatch_scan_index", "M mismatch", "scan_index shorter than the scan", {"contract": ["scan_index", "M mismatch"]}, arrays={**b, "scan_index": np.zeros(3, np.int64)})
case("n_32", "N", "32×32 patterns (N outside {64,128,256})", {"contract": ["diff3d", "unsupported pattern size N", "N = 32"]},
     arrays={**b, "diff3d": b["diff3d"][:, 16:48, 16:48], "probeGuess": b["probeGuess"][16:48, 16:48]})
case("n_100", "N", "100×100 patterns", {"contract": ["diff3d", "unsupported pattern size N", "N = 100"]},
     arrays={**b, "diff3d": np.zeros((16, 100, 100), np.float32) + 1, "probeGuess": np.ones((100, 100), np.complex64)})
case("n_nonsquare", "N", "(M, 64, 32) patterns", {"contract": ["diff3d", "not square"]}, arrays={**b, "diff3d": b["diff3d"][:, :, :32]})
case("probe_smaller", "probe", "32×32 probe for 64×64 patterns", {"contract": ["probeGuess", "probe size differs from the pattern size N", "(32, 32)"]}, arrays={**b, "probeGuess": b["probeGuess"][:32, :32]})
case("probe_nonsquare", "probe", "64×32 probe", {"contract": ["probeGuess", "probe is not square"]}, arrays={**b, "probeGuess": b["probeGuess"][:, :32]})
case("probe_real", "probe", "a real probe (accepted as zero phase)", {"problems": [], "warnings": []}, arrays={**b, "probeGuess": np.abs(b["probeGuess"])}, settings={"command": "run"})
nob = {k: v for k, v in b.items() if k != "diff3d"}
case("missing_diff3d", "keys", "no diffraction key", {"contract": ["diff3d", "missing required key"]}, arrays=nob)
case("missing_probe", "keys", "no probe", {"contract": ["probeGuess", "missing required key"]}, arrays={k: v for k, v in b.items() if k != "probeGuess"})
case("missing_coords", "keys", "no positions", {"contract": ["xcoords", "missing required key"]}, arrays={k: v for k, v in b.items() if k not in ("xcoords", "ycoords")})
case("key_case", "keys", "'ProbeGuess' instead of 'probeGuess'", {"contract": ["probeGuess", "found 'ProbeGuess'"]},
     arrays={**{k: v for k, v in b.items() if k != "probeGuess"}, "ProbeGuess": b["probeGuess"]})
case("transposed_nnm", "rank", "diffraction stored (N, N, M) (accepted, transposed)", {"problems": [], "warnings": [], "notes": ["stored as (N, N, M)"]},
     arrays={**b, "diff3d": np.ascontiguousarray(b["diff3d"].transpose(1, 2, 0))}, settings={"command": "run"})
x64, y64 = grid(8, 6.0, 29.0)
b64 = base(x=x64, y=y64)
case("ambiguous_m_equals_n", "ambiguous", "64 positions of 64×64 patterns: (M, N, N) or (N, N, M)? (read as (M, N, N), noted)",
     {"problems": [], "warnings": [], "notes": ["could be (M, N, N) or (N, N, M)"]}, arrays=b64, settings={"command": "run"})
case("unused_key", "keys", "an extra key the contract does not know (noted)", {"problems": [], "warnings": [], "notes": ["not used", "'probe'"]},
     arrays={**b, "probe": b["probeGuess"]}, settings={"command": "run"})

# =============================================================================================
# Kind: NaN / Inf anywhere, negative amplitudes
def with_value(key, index, value, arrays=None):
    a = {k: v.copy() for k, v in (arrays or b).items()}
    a[key][index] = value
    return a


case("nan_diff3d", "non-finite", "NaN in one pattern", {"contract": ["diff3d", "NaN/Inf", "(3, 32, 33)"]}, arrays=with_value("diff3d", (3, 32, 33), np.nan))
case("inf_diff3d", "non-finite", "+Inf (a saturated pixel)", {"contract": ["diff3d", "NaN/Inf"]}, arrays=with_value("diff3d", (0, 30, 30), np.inf))
case("nan_xcoords", "non-finite", "NaN position (encoder dropout)", {"contract": ["xcoords", "NaN/Inf"]}, arrays=with_value("xcoords", 5, np.nan))
case("inf_ycoords", "non-finite", "Inf position", {"contract": ["ycoords", "NaN/Inf"]}, arrays=with_value("ycoords", 0, -np.inf))
case("nan_probe_imag", "non-finite", "NaN in the probe's imaginary part", {"contract": ["probeGuess", "imaginary part"]},
     arrays=with_value("probeGuess", (10, 10), complex(0, np.nan)))
case("nan_object", "non-finite", "NaN in objectGuess", {"contract": ["objectGuess", "NaN/Inf"]}, arrays=with_value("objectGuess", (50, 50), np.nan))
case("nan_start", "non-finite", "NaN in xcoords_start", {"contract": ["xcoords_start", "NaN/Inf"]}, arrays={**b, "xcoords_start": np.where(np.arange(16) == 2, np.nan, b["xcoords"])})
neg = {**b, "diff3d": b["diff3d"] - 0.5}
case("negative_amplitudes", "negative", "background-subtracted amplitudes below zero", {"contract": ["diff3d", "negative amplitude"]}, arrays=neg)
case("negative_counts_as_counts", "negative", "negative values read as counts", {"contract": ["diff3d", "negative count"]},
     arrays={**b, "diff3d": np.round(b["diff3d"] ** 2).astype(np.int32) - 1}, read={"diffraction": "counts"})

# =============================================================================================
# Kind: too few positions
case("zero_positions", "positions", "a scan with zero positions", {"contract": ["xcoords", "no scan positions (M = 0)"]},
     arrays={**b, "xcoords": np.zeros(0), "ycoords": np.zeros(0), "diff3d": np.zeros((0, N, N), np.float32)})
one = base(M=1)
case("one_position", "positions", "a single position (gridsize 2 needs 4; the 1×1 scan box cannot be scored)",
     {"problems": ["too-few-positions"], "warnings": ["metrics-unavailable"]}, arrays=one, settings={"command": "run"})
case("one_position_gridsize1", "positions", "a single position at gridsize 1: trains, metrics reported absent",
     {"problems": [], "warnings": ["metrics-unavailable"], "evaluation": False}, arrays=one, settings={"command": "run", "gridsize": 1})
case("one_position_evaluate", "positions", "a single position as ground truth for evaluate", {"problems": ["evaluation-box-too-small"], "warnings": []},
     arrays=one, settings={"command": "evaluate"})
three = base(M=3)
case("three_positions", "positions", "3 positions for gridsize 2", {"problems": ["too-few-positions"], "warnings": []}, arrays=three, settings={"command": "train"})
x4, y4 = grid(2, 12.0, 44.0)
case("four_positions_k6", "positions", "4 positions, gridsize 2, K = 6: groups draw from all 3 others (noted as a warning)",
     {"problems": [], "warnings": ["small-neighbour-pool"]}, arrays=base(x=x4, y=y4), settings={"command": "run"})
case("k_too_small", "positions", "K = 2 for gridsize 2 (needs K ≥ 3)", {"problems": ["bad-setting"], "warnings": []}, arrays=b, settings={"command": "train", "K": 2})
case("gridsize_zero", "positions", "gridsize 0", {"problems": ["bad-setting"], "warnings": []}, arrays=b, settings={"command": "train", "gridsize": 0})
xs7, ys7 = grid(4, 2.0, 40.0)
case("small_box_run", "positions", "a 7×7 px scan box: run trains but cannot score", {"problems": [], "warnings": ["metrics-unavailable"], "evaluation": False},
     arrays=base(x=xs7, y=ys7), settings={"command": "run"})

# =============================================================================================
# Kind: diffraction that is zero, counts, or has outliers and gaps
case("all_zero", "zero", "every pattern zero", {"problems": ["diffraction-all-zero"], "warnings": []}, arrays={**b, "diff3d": np.zeros_like(b["diff3d"])}, settings={"command": "run"})
case("all_zero_epie", "zero", "every pattern zero, for epie", {"problems": ["diffraction-all-zero"], "warnings": []}, arrays={**b, "diff3d": np.zeros_like(b["diff3d"])}, settings={"command": "epie"})
case("all_zero_with_metadata", "zero", "every pattern zero, with _metadata.nphotons (no dose follow-on)", {"problems": ["diffraction-all-zero"], "warnings": []},
     arrays={**b, "diff3d": np.zeros_like(b["diff3d"]), "_metadata": np.array(json.dumps({"nphotons": 1e4}))}, settings={"command": "run", "nphotons": 1e4})
some_zero = b["diff3d"].copy()
some_zero[[2, 9]] = 0
case("some_zero_patterns", "zero", "two dark frames (beam off)", {"problems": [], "warnings": ["empty-patterns"]}, arrays={**b, "diff3d": some_zero}, settings={"command": "run"})
cts = counts(16)
case("counts_uint16", "counts", "raw counts as uint16 (the issue's 02a kind)", {"problems": [], "warnings": ["diffraction-looks-like-counts"], "messageHas": ["uint16"]},
     arrays={**b, "diff3d": cts.astype(np.uint16)}, settings={"command": "run"})
case("counts_int32", "counts", "raw counts as int32", {"problems": [], "warnings": ["diffraction-looks-like-counts"], "messageHas": ["int32"]},
     arrays={**b, "diff3d": cts.astype(np.int32)}, settings={"command": "run"})
case("counts_float32", "counts", "raw counts converted to float32 (integers in a float dtype)", {"problems": [], "warnings": ["diffraction-looks-like-counts"]},
     arrays={**b, "diff3d": cts.astype(np.float32)}, settings={"command": "run"})
case("counts_with_metadata", "counts", "counts with _metadata.nphotons = 1e4: one counts warning naming both readings, no dose follow-on",
     {"problems": [], "warnings": ["diffraction-looks-like-counts"], "messageHas": ["_metadata.nphotons"]},
     arrays={**b, "diff3d": cts.astype(np.uint16), "_metadata": np.array(json.dumps({"nphotons": 1e4}))}, settings={"command": "run"})
case("counts_read_as_counts", "counts", "counts read with diffraction: 'counts' (no warning)", {"problems": [], "warnings": []},
     arrays={**b, "diff3d": cts.astype(np.uint16)}, settings={"command": "run"}, read={"diffraction": "counts"})
case("counts_alias_key", "counts", "counts under the alias 'diffraction': the warning names that key", {"problems": [], "warnings": ["diffraction-looks-like-counts"], "warningKey": "diffraction"},
     arrays={**nob, "diffraction": cts.astype(np.uint16)}, settings={"command": "run"})
binary = (cts > 300).astype(np.float32)
case("binary_amplitudes", "counts", "amplitudes of only 0 and 1 (counts and amplitudes coincide: no warning)", {"problems": [], "warnings": []},
     arrays={**b, "diff3d": binary + (binary.sum() == 0)}, settings={"command": "run"})
hot = b["diff3d"].copy()
hot[7] *= 30  # 900× the counts
case("outlier_bright", "outliers", "one frame 900× brighter (saturation / wrong exposure)", {"problems": [], "warnings": ["outlier-patterns"]}, arrays={**b, "diff3d": hot}, settings={"command": "run"})
faint = b["diff3d"].copy()
faint[4] *= 0.1
case("outlier_faint", "outliers", "one frame at 1% of the dose (beam loss)", {"problems": [], "warnings": ["outlier-patterns"]}, arrays={**b, "diff3d": faint}, settings={"command": "run"})
gap = b["diff3d"].copy()
gap[:, 31:33, :] = 0
case("detector_gap_rows", "gaps", "rows 31–32 zero in every pattern (a module gap through the centre)", {"problems": [], "warnings": ["detector-gaps"], "messageHas": ["rows 31…32"]},
     arrays={**b, "diff3d": gap}, settings={"command": "run"})
gapc = b["diff3d"].copy()
gapc[:, :, 30] = 7.0
case("detector_hot_column", "gaps", "column 30 stuck at one value in every pattern", {"problems": [], "warnings": ["detector-gaps"], "messageHas": ["column 30"]},
     arrays={**b, "diff3d": gapc}, settings={"command": "run"})
case("dose_vs_metadata", "dose", "_metadata.nphotons = 1e6 but the data hold 1e4 counts per pattern", {"problems": [], "warnings": ["dose-mismatch"], "warningKey": "_metadata.nphotons"},
     arrays={**b, "_metadata": np.array(json.dumps({"nphotons": 1e6}))}, settings={"command": "run"})
case("dose_vs_setting", "dose", "--nphotons 1e8 for data with 1e4 counts per pattern", {"problems": [], "warnings": ["dose-mismatch"], "warningKey": "--nphotons"},
     arrays=b, settings={"command": "train", "nphotons": 1e8})
case("metadata_vs_setting", "dose", "_metadata.nphotons = 1e4 (matches the data) but --nphotons 3e4", {"problems": [], "warnings": ["dose-mismatch", "metadata-disagrees"]},
     arrays={**b, "_metadata": np.array(json.dumps({"nphotons": 1e4}))}, settings={"command": "train", "nphotons": 3e4})
case("dose_consistent", "dose", "_metadata.nphotons agrees with the data (no warning)", {"problems": [], "warnings": []},
     arrays={**b, "_metadata": np.array(json.dumps({"nphotons": 1e4, "pixel_size": 1e-8}))}, settings={"command": "run"})

# =============================================================================================
# Kind: positions in other units, duplicated, outside the object
case("units_metres", "units", "positions in metres (pixel 10 nm)", {"problems": [], "warnings": ["positions-units"], "messageHas": ["metres"]},
     arrays={**base(with_object=False), "xcoords": b["xcoords"] * 1e-8, "ycoords": b["ycoords"] * 1e-8}, settings={"command": "run"})
case("units_metres_pixel_size", "units", "positions in metres with _metadata.pixel_size: the fix gives the converted step",
     {"problems": [], "warnings": ["positions-units"], "fixHas": ["pixel_size", "step would be 6 px"]},
     arrays={**base(with_object=False), "xcoords": b["xcoords"] * 1e-8, "ycoords": b["ycoords"] * 1e-8, "_metadata": np.array(json.dumps({"pixel_size": 1e-8}))}, settings={"command": "run"})
case("units_micrometres", "units", "positions in µm (pixel 10 nm: 0.06 µm steps, 0.18 µm across)", {"problems": [], "warnings": ["positions-units"]},
     arrays={**base(with_object=False), "xcoords": b["xcoords"] * 1e-2, "ycoords": b["ycoords"] * 1e-2}, settings={"command": "run"})
case("units_nanometres", "units", "positions in nm (pixel 10 nm: 60 'px' steps, no overlap)", {"problems": [], "warnings": ["step-exceeds-probe"]},
     arrays={**base(with_object=False), "xcoords": b["xcoords"] * 10, "ycoords": b["ycoords"] * 10}, settings={"command": "run"})
case("units_metres_with_object", "units", "positions in metres with an objectGuess: one units warning; metrics reported absent, the reason naming the units",
     {"problems": [], "warnings": ["positions-units"], "evaluation": False},
     arrays={**b, "xcoords": b["xcoords"] * 1e-8, "ycoords": b["ycoords"] * 1e-8}, settings={"command": "run"})
dup = {**b, "xcoords": b["xcoords"].copy(), "ycoords": b["ycoords"].copy()}
dup["xcoords"][5], dup["ycoords"][5] = dup["xcoords"][4], dup["ycoords"][4]
case("duplicates", "duplicates", "position 5 repeats position 4 (double trigger)", {"problems": [], "warnings": ["duplicate-positions"]}, arrays=dup, settings={"command": "run"})
case("all_same_position", "duplicates", "every position the same (a stalled stage)", {"problems": [], "warnings": ["duplicate-positions"], "evaluation": False},
     arrays={**b, "xcoords": np.full(16, 50.0), "ycoords": np.full(16, 50.0)}, settings={"command": "run"})
case("outside_object_half", "outside", "half the positions beyond objectGuess's right edge", {"problems": [], "warnings": ["positions-outside-object"]},
     arrays={**b, "xcoords": b["xcoords"] + 44}, settings={"command": "run"})
case("outside_object_centred", "outside", "positions centred on 0 (relative to the scan centre)", {"problems": [], "warnings": ["positions-outside-object"], "messageHas": ["centred"], "evaluation": False},
     arrays={**b, "xcoords": b["xcoords"] - 49, "ycoords": b["ycoords"] - 49}, settings={"command": "run"})
tall = {**b, "objectGuess": obj(160, 100), "xcoords": b["ycoords"] + 80, "ycoords": b["xcoords"]}
case("outside_object_swapped", "outside", "x and y swapped (fits only transposed on a 160×100 object)", {"problems": [], "warnings": ["positions-outside-object"], "messageHas": ["swapped"]},
     arrays=tall, settings={"command": "run"})
case("outside_object_evaluate", "outside", "evaluate against an object the positions miss", {"problems": ["evaluation-box-too-small"], "warnings": ["positions-outside-object"]},
     arrays={**b, "xcoords": b["xcoords"] + 200}, settings={"command": "evaluate"})
case("simulate_outside", "outside", "simulate on positions outside the object", {"problems": ["positions-outside-object"], "warnings": []},
     arrays={**b, "xcoords": b["xcoords"] + 100}, settings={"command": "simulate"})
case("simulate_edge", "outside", "simulate with patches reaching past the object edge", {"problems": [], "warnings": ["patches-cross-object-edge"]},
     arrays={**b, "xcoords": b["xcoords"] - 30}, settings={"command": "simulate"})
case("simulate_no_object", "outside", "simulate from a file without an object", {"problems": ["object-missing"], "warnings": []},
     arrays=base(with_object=False), settings={"command": "simulate"})
case("start_positions_units", "outside", "xcoords_start in metres next to xcoords in pixels", {"problems": [], "warnings": ["start-positions-differ"]},
     arrays={**b, "xcoords_start": b["xcoords"] * 1e-8, "ycoords_start": b["ycoords"] * 1e-8}, settings={"command": "run"})

# =============================================================================================
# Kind: ambiguity resolved silently
alt = b["diff3d"] * 2
case("aliases_disagree", "ambiguous", "diff3d and diffraction both present, different (the issue's 24c kind)", {"contract": ["'diff3d'", "'diffraction'", "ambiguous"]},
     arrays={**b, "diffraction": alt})
case("aliases_disagree_shape", "ambiguous", "diff3d and diffraction of different shapes", {"contract": ["'diff3d'", "'diffraction'", "ambiguous"]},
     arrays={**b, "diffraction": np.ascontiguousarray(b["diff3d"][:, :, ::-1][:, ::-1, :])})
case("aliases_identical", "ambiguous", "diff3d and diffraction both present and identical (accepted, noted)",
     {"problems": [], "warnings": [], "notes": ["identical"]}, arrays={**b, "diffraction": b["diff3d"].copy()}, settings={"command": "run"})
case("aliases_identical_transposed", "ambiguous", "diffraction stored (N, N, M), same data as diff3d (accepted)",
     {"problems": [], "warnings": [], "notes": ["identical"]}, arrays={**b, "diffraction": np.ascontiguousarray(b["diff3d"].transpose(1, 2, 0))}, settings={"command": "run"})
case("alias_only", "ambiguous", "only the alias 'diffraction' (accepted)", {"problems": [], "warnings": []}, arrays={**nob, "diffraction": b["diff3d"]}, settings={"command": "run"})

# The well-formed base itself: no problem, no warning, for every command.
for command in ["inspect", "train", "infer", "run", "evaluate", "simulate", "epie"]:
    CASES.append({"name": f"base_{command}", "file": "base.npz", "kind": "valid", "what": f"the well-formed base scan, for {command}",
                  "expect": {"problems": [], "warnings": [], **({"evaluation": True} if command in ("inspect", "run", "evaluate") else {})},
                  "settings": {"command": command}})
np.savez_compressed(os.path.join(OUT, "base.npz"), **b)

with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump({"generator": "packages/pipeline/scripts/make_corpus.py", "cases": CASES}, f, indent=1)
    f.write("\n")
total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
print(f"{len(CASES)} cases, {len(os.listdir(OUT))} files, {total / 1024:.0f} kB in {os.path.relpath(OUT)}")
