#!/usr/bin/env python3
"""Independent reference values for @ptychojs/metrics tests (numpy + scipy only).

Writes packages/metrics/test/fixtures/metrics_expected.json. Rerun from the repo root:

    python3 packages/metrics/scripts/make_fixtures.py

The test images are not stored: they are defined by the closed-form recipe below (trigonometric
terms plus an integer-hash "noise"), which test/fixture-images.ts reproduces exactly in TypeScript.
Everything here is written from the papers / the PtychoPINN source, not from the TypeScript code:

- SSIM (Wang, Bovik, Sheikh, Simoncelli 2004): Gaussian window 11, sigma 1.5 (MATLAB fspecial),
  K1 0.01, K2 0.03, 2-D 'valid' convolution (scipy.signal.convolve2d), mean of the map.
- MS-SSIM (Wang, Simoncelli, Bovik 2003; their MATLAB msssim.m): cs at scales 1..M-1, full SSIM at
  scale M, 2x2 mean filter with symmetric extension then [::2, ::2] (= ceil sizes); scales whose
  shorter side is < 11 are dropped and the remaining weights renormalized; negative terms -> 0.
- FRC with integer rings round(|k|), rings 0..L/2, first ring >= 1 below 0.5, linear interpolation;
  by default each image is apodized first: minus its Hann-weighted mean, times the periodic 2-D Hann
  window (scipy.signal.windows.hann(L, sym=False) per axis), ring 0 reported as NaN.
- Phase on the circle (standard and PtychoPINN profiles): global phase phi0 = angle(sum t conj r)
  removed from the reconstruction, truth phase re-centred at its circular mean c,
  tp = angle(t e^{-ic}), reconstruction on the branch nearest the truth, rp = tp + angle(r conj t).
  Standard SSIM / MS-SSIM score tp + pi and rp + pi.
- PtychoPINN's evaluation (ptycho/evaluation.py): scikit-image default SSIM (7x7 uniform window,
  sample covariance), its ms_ssim (full SSIM per level, x[::2, ::2], stop below 7 px, unnormalized
  weights), fit_and_remove_plane (np.linalg.lstsq), mean-ratio amplitude scaling, cv2.PSNR (R=255),
  FSC with |C| and rings to the corner, Gaussian smoothing of the FRC curve (sigma 2).
"""
import json
import os

import numpy as np
from scipy.ndimage import gaussian_filter, gaussian_filter1d
from scipy.signal import convolve2d
from scipy.signal.windows import hann

WEIGHTS = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])
M32 = 0xFFFFFFFF


# ---------------------------------------------------------------- deterministic test images
def lowbias32(x):
    x &= M32
    x ^= x >> 16
    x = (x * 0x7FEB352D) & M32
    x ^= x >> 15
    x = (x * 0x846CA68B) & M32
    x ^= x >> 16
    return x


def hash_noise(H, W, k):
    """Uniform in [-0.5, 0.5): lowbias32((r*73856093) ^ (c*19349663) ^ (k*83492791)) / 2**32 - 0.5."""
    out = np.empty((H, W))
    for r in range(H):
        for c in range(W):
            h = ((r * 73856093) & M32) ^ ((c * 19349663) & M32) ^ ((k * 83492791) & M32)
            out[r, c] = lowbias32(h) / 2.0**32 - 0.5
    return out


def pattern(H, W, k):
    """Smooth structure + a blob + hash noise; k selects the variant."""
    r, c = np.mgrid[0:H, 0:W].astype(np.float64)
    s = min(H, W)
    blob = np.exp(-((r - H / 3) ** 2 + (c - W / 2) ** 2) / (2 * (0.15 * s) ** 2))
    return (np.sin(0.19 * r + 0.4 * k) * np.cos(0.23 * c - 0.1 * k)
            + 0.6 * blob + 0.3 * hash_noise(H, W, k))


def image_pair(H, W):
    x = pattern(H, W, 1)
    c = np.mgrid[0:H, 0:W][1].astype(np.float64)
    y = 0.9 * x + 0.05 + 0.15 * hash_noise(H, W, 2) + 0.2 * np.sin(0.05 * c)
    return x, y


def smooth_pair(H, W):
    """No noise in the truth: its periodic extension jumps at the crop edges, which dominate the
    high-frequency rings of the unwindowed FRC; y adds weak white noise."""
    r, c = np.mgrid[0:H, 0:W].astype(np.float64)
    x = np.sin(0.19 * r + 0.4) * np.cos(0.23 * c - 0.1) + 0.8 * np.exp(-((r - H / 3) ** 2 + (c - W / 2) ** 2) / (2 * (0.15 * H) ** 2))
    return x, x + 0.05 * hash_noise(H, W, 7)


def noisy_pair(H, W):
    """x plus white hash noise: the FRC crosses 0.5 at mid frequencies."""
    x = pattern(H, W, 1)
    return x, x + 0.6 * hash_noise(H, W, 3)


# ---------------------------------------------------------------- standard metrics
def fspecial_gaussian(size=11, sigma=1.5):
    h = (size - 1) / 2
    g = np.exp(-((np.arange(size) - h) ** 2) / (2 * sigma * sigma))
    w = np.outer(g, g)
    return w / w.sum()


def ssim_terms(x, y, win, L, k1=0.01, k2=0.03, sample_cov=False):
    f = lambda a: convolve2d(a, win, mode="valid")  # noqa: E731
    mx, my = f(x), f(y)
    np_ = win.size
    cov = np_ / (np_ - 1) if sample_cov else 1.0
    vx = cov * (f(x * x) - mx * mx)
    vy = cov * (f(y * y) - my * my)
    vxy = cov * (f(x * y) - mx * my)
    C1, C2 = (k1 * L) ** 2, (k2 * L) ** 2
    cs = (2 * vxy + C2) / (vx + vy + C2)
    lum = (2 * mx * my + C1) / (mx * mx + my * my + C1)
    return float(np.mean(lum * cs)), float(np.mean(cs))


def ssim_std(x, y, L):
    return ssim_terms(x, y, fspecial_gaussian(), L)[0]


def downsample_wang(a):
    H, W = a.shape
    p = np.pad(a, ((0, H % 2), (0, W % 2)), mode="symmetric")
    return 0.25 * (p[0::2, 0::2] + p[1::2, 0::2] + p[0::2, 1::2] + p[1::2, 1::2])


def msssim_std(x, y, L):
    s, M = min(x.shape), 0
    while M < 5 and s >= 11:
        M += 1
        s = -(-s // 2)
    w = WEIGHTS[:M] / WEIGHTS[:M].sum()
    win = fspecial_gaussian()
    out = 1.0
    for j in range(M):
        full, cs = ssim_terms(x, y, win, L)
        if j < M - 1:
            out *= max(cs, 0.0) ** w[j]
            x, y = downsample_wang(x), downsample_wang(y)
        else:
            out *= max(full, 0.0) ** w[j]
    return out, M


def psnr_std(x, y, L):
    mse = np.mean((x - y) ** 2)
    return float("inf") if mse == 0 else float(10 * np.log10(L * L / mse))


def hann_apodize(a):
    """a minus its Hann-weighted mean, times the periodic Hann window in both directions."""
    w1 = hann(a.shape[0], sym=False)
    w = np.outer(w1, w1)
    return (a - np.sum(w * a) / np.sum(w)) * w


def ring_sums(a, b, window="none"):
    H, W = a.shape
    L = min(H, W)
    r0, c0 = (H - L) // 2, (W - L) // 2
    a, b = a[r0:r0 + L, c0:c0 + L], b[r0:r0 + L, c0:c0 + L]
    if window == "hann":
        a, b = hann_apodize(a), hann_apodize(b)
    Fa, Fb = np.fft.fft2(a), np.fft.fft2(b)
    k = np.fft.fftfreq(L) * L
    ring = np.rint(np.hypot(k[:, None], k[None, :])).astype(int).ravel()
    n = ring.max() + 1
    cross = np.bincount(ring, (Fa * np.conj(Fb)).ravel().real, n)
    pa = np.bincount(ring, (np.abs(Fa) ** 2).ravel(), n)
    pb = np.bincount(ring, (np.abs(Fb) ** 2).ravel(), n)
    return L, cross, pa, pb


def crossing(v, start):
    prev = -1
    for i, x in enumerate(v):
        if np.isnan(x):
            continue
        if i >= start and x < 0.5:
            if prev < 0:
                return float(i)
            return prev + (v[prev] - 0.5) / (v[prev] - x) * (i - prev)
        prev = i if x >= 0.5 else -1
    return None


def frc_std(a, b, window="hann"):
    L, cross, pa, pb = ring_sums(a, b, window)
    n = L // 2 + 1
    with np.errstate(invalid="ignore", divide="ignore"):
        v = cross[:n] / np.sqrt(pa[:n] * pb[:n])
    if window == "hann":
        v[0] = np.nan  # the weighted mean is removed: ring 0 carries no information
    x = crossing(v, 1)
    return v, (1.0 if x is None else min(1.0, x / (L / 2)))


# ---------------------------------------------------------------- PtychoPINN's variants
def skimage_ssim(x, y, data_range):
    return ssim_terms(x, y, np.full((7, 7), 1 / 49), data_range, sample_cov=True)[0]


def ptychopinn_ms_ssim(img1, img2, levels=5, sigma=0.0):
    if sigma > 0:
        img1, img2 = gaussian_filter(img1, sigma), gaussian_filter(img2, sigma)
    data_range = max(img1.max() - img1.min(), img2.max() - img2.min())
    val, used = 1.0, 0
    for level in range(levels):
        s = skimage_ssim(img1, img2, data_range)
        used += 1
        if s < 0:
            s = 0.0001
        val *= s ** WEIGHTS[level]
        if level < levels - 1:
            img1, img2 = img1[::2, ::2], img2[::2, ::2]
            if min(img1.shape) < 7:
                break
    return val, used


def fit_and_remove_plane(phase):
    h, w = phase.shape
    yy, xx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    A = np.column_stack([xx.ravel(), yy.ravel(), np.ones(h * w)])
    coeffs = np.linalg.lstsq(A, phase.ravel(), rcond=None)[0]
    return phase - (coeffs[0] * xx + coeffs[1] * yy + coeffs[2])


def cv2_psnr(a, b):
    mse = np.mean((a - b) ** 2)
    return float(20 * np.log10(255.0 / (np.sqrt(mse) + np.finfo(float).eps)))


def frc_ptychopinn(a, b, sigma=2.0):
    L, cross, pa, pb = ring_sums(a, b)
    v = np.abs(cross) / np.sqrt(pa * pb)
    if sigma > 0:
        v = gaussian_filter1d(v, sigma)
    x = crossing(v, 0)
    return v, (len(v) if x is None else x) / (L / 2)


# ---------------------------------------------------------------- end-to-end evaluation case
def phases_on_circle(t, r):
    """Phase planes whose differences are taken on the circle (both profiles)."""
    phi0 = np.angle(np.sum(t * np.conj(r)))
    r = r * np.exp(1j * phi0)
    c = np.angle(np.sum(np.exp(1j * np.angle(t))))
    tp = np.angle(t * np.exp(-1j * c))
    return tp, tp + np.angle(r * np.conj(t)), phi0, c


def evaluation_case(shift=0.0):
    """shift: radians added to both the truth's and the reconstruction's phase (pi: a strong phase)."""
    Ht, Wt = 120, 130
    amp = 0.6 + 0.3 * pattern(Ht, Wt, 3)
    ph = 1.2 * pattern(Ht, Wt, 4) + shift
    # complex64, as ComplexArray holds float32 planes: both languages score the same rounded values
    truth = (amp * np.exp(1j * ph)).astype(np.complex64).astype(np.complex128)
    x0, y0, H, W = 8, 5, 110, 115  # recon pixel (r, c) = object point (x = c + 8, y = r + 5)
    r, c = np.mgrid[0:H, 0:W].astype(np.float64)
    A = 0.8 * amp[y0:y0 + H, x0:x0 + W] * (1 + 0.5 * hash_noise(H, W, 5))
    P = ph[y0:y0 + H, x0:x0 + W] + 0.7 + 0.004 * c - 0.003 * r + 1.0 * hash_noise(H, W, 6)
    recon = (A * np.exp(1j * P)).astype(np.complex64).astype(np.complex128)
    box = dict(xmin=20.3, xmax=110.6, ymin=14.2, ymax=108.9)
    c0, c1 = int(np.ceil(box["xmin"])), int(np.floor(box["xmax"]))
    r0, r1 = int(np.ceil(box["ymin"])), int(np.floor(box["ymax"]))
    tc = truth[r0:r1 + 1, c0:c1 + 1]
    rc = recon[r0 - y0:r1 + 1 - y0, c0 - x0:c1 + 1 - x0]

    # standard profile
    tp, rp, phi0, centre = phases_on_circle(tc, rc)
    ra = np.abs(rc)
    gain = np.sum(np.abs(tc) * ra) / np.sum(ra * ra)
    ta, ra = np.abs(tc), gain * ra
    La, Lp = ta.max() - ta.min(), tp.max() - tp.min()
    ms_a, scales = msssim_std(ta, ra, La)
    std = dict(
        amp_msssim=ms_a, phase_msssim=msssim_std(tp + np.pi, rp + np.pi, Lp)[0],
        amp_ssim=ssim_std(ta, ra, La), phase_ssim=ssim_std(tp + np.pi, rp + np.pi, Lp),
        amp_psnr=psnr_std(ta, ra, La), phase_psnr=psnr_std(tp, rp, Lp),
        amp_mae=float(np.mean(np.abs(ta - ra))), phase_mae=float(np.mean(np.abs(tp - rp))),
        amp_frc50=frc_std(ta, ra)[1], phase_frc50=frc_std(tp, rp)[1],
    )

    # PtychoPINN profile (its definitions, applied to the phases on the circle)
    ta = np.abs(tc)
    ra = np.abs(rc) * (np.mean(ta) / np.mean(np.abs(rc)))
    tp, rp = fit_and_remove_plane(tp), fit_and_remove_plane(rp)
    ts, rs = (tp + np.pi) / (2 * np.pi), (rp + np.pi) / (2 * np.pi)
    pp = dict(
        amp_msssim=ptychopinn_ms_ssim(ta, ra, sigma=1.0)[0], phase_msssim=ptychopinn_ms_ssim(ts, rs)[0],
        amp_ssim=skimage_ssim(ta, ra, ta.max() - ta.min()), phase_ssim=skimage_ssim(ts, rs, 1.0),
        amp_psnr=cv2_psnr(ta, ra), phase_psnr=cv2_psnr(tp, rp),
        amp_mae=float(np.mean(np.abs(ta - ra))), phase_mae=float(np.mean(np.abs(tp - rp))),
        amp_frc50=frc_ptychopinn(ta, ra)[1], phase_frc50=frc_ptychopinn(tp, rp)[1],
    )
    return dict(
        truth=dict(height=Ht, width=Wt), recon=dict(height=H, width=W), origin=[x0, y0], scanBox=box,
        crop=dict(row0=r0, col0=c0, height=r1 - r0 + 1, width=c1 - c0 + 1), phaseShift=shift,
        phaseOffset=float(phi0), phaseCentre=float(centre), gain=float(gain), msssimScales=scales,
        standard=std, ptychopinn=pp,
    )


def main():
    pairs = []
    for name, H, W in [("A", 200, 180), ("B", 90, 100), ("C", 33, 47), ("D", 12, 15), ("E", 64, 64), ("S", 64, 70)]:
        x, y = noisy_pair(H, W) if name == "E" else smooth_pair(H, W) if name == "S" else image_pair(H, W)
        L = float(x.max() - x.min())
        e = dict(name=name, height=H, width=W, dataRange=L,
                 ssim=ssim_std(x, y, L), psnr=psnr_std(x, y, L), mae=float(np.mean(np.abs(x - y))),
                 ssimSkimage=skimage_ssim(x, y, L))
        ms, M = msssim_std(x, y, L)
        e.update(msssim=ms, msssimScales=M)
        e["msssimPtychopinn"], e["ptychopinnLevels"] = ptychopinn_ms_ssim(x, y)
        if name in ("A", "B", "E", "S"):
            e["msssimPtychopinnSigma1"] = ptychopinn_ms_ssim(x, y, sigma=1.0)[0]
            v, f50 = frc_std(x, y)
            e["frc"] = dict(value=[None] + v[1:].tolist(), frc50=f50)  # ring 0 is NaN (JSON null)
            v, f50 = frc_std(x, y, "none")
            e["frcNoWindow"] = dict(value=v.tolist(), frc50=f50)
            v, f50 = frc_ptychopinn(x, y)
            e["frcPtychopinn"] = dict(value=v.tolist(), frc50=f50)
        pairs.append(e)
    out = dict(
        generator="packages/metrics/scripts/make_fixtures.py (numpy %s)" % np.__version__,
        pairs=pairs, evaluation=evaluation_case(), evaluationStrongPhase=evaluation_case(np.pi),
    )
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "metrics_expected.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
