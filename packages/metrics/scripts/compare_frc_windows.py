#!/usr/bin/env python3
"""Which apodization for the FRC? A measurement, not a fixture (numpy + scipy only).

Truth: a Gaussian random field (white noise filtered with sigma0 px, unit variance), cropped from a
larger canvas so that it does not repeat across the crop. Reconstruction: truth + white noise of
standard deviation nu. The FRC between them is sqrt(S / (S + nu^2)) per frequency, with
S(f) = 4 pi sigma0^2 exp(-4 pi^2 sigma0^2 f^2), so the 0.5 crossing is known in closed form:
f* = sqrt(ln(12 pi sigma0^2 / nu^2) / (4 pi^2 sigma0^2)), reported as 2 f* (fraction of Nyquist).
For each window the script prints the mean +- sd of frc50 over 6 seeds (FRC with integer rings,
first ring >= 1 below 0.5, as packages/metrics/src/frc.ts), and the variance inflation of the FRC of
two independent white-noise images (mean of n_r FRC(r)^2 over the rings; 1 without a window).

    python3 packages/metrics/scripts/compare_frc_windows.py
"""
import numpy as np
from scipy.ndimage import gaussian_filter
from scipy.signal.windows import hann, tukey

WINDOWS = {
    "none": None,
    "tukey 0.25": lambda L: tukey(L, 0.25),
    "tukey 0.5": lambda L: tukey(L, 0.5),
    "hann": lambda L: hann(L, sym=False),
}


def apodize(a, win):
    if win is None:
        return a
    w1 = win(a.shape[0])
    w = np.outer(w1, w1)
    return (a - np.sum(w * a) / np.sum(w)) * w


def frc_curve(a, b, win):
    L = a.shape[0]
    Fa, Fb = np.fft.fft2(apodize(a, win)), np.fft.fft2(apodize(b, win))
    k = np.fft.fftfreq(L) * L
    ring = np.rint(np.hypot(k[:, None], k[None, :])).astype(int).ravel()
    n = L // 2 + 1
    cross = np.bincount(ring, (Fa * np.conj(Fb)).real.ravel())[:n]
    pa = np.bincount(ring, (np.abs(Fa) ** 2).ravel())[:n]
    pb = np.bincount(ring, (np.abs(Fb) ** 2).ravel())[:n]
    with np.errstate(invalid="ignore", divide="ignore"):
        return cross / np.sqrt(pa * pb), np.bincount(ring)[:n]


def frc50(v, L):
    prev = -1
    for i in range(1, len(v)):
        if v[i] < 0.5:
            x = i if prev < 0 else prev + (v[prev] - 0.5) / (v[prev] - v[i]) * (i - prev)
            return min(1.0, x / (L / 2))
        prev = i if v[i] >= 0.5 else -1
    return 1.0


def main():
    print("sigma0  L   nu    ideal | " + " | ".join(f"{w:>13}" for w in WINDOWS))
    for s0 in (2, 4):
        for L in (35, 64, 128):
            for nu in (0.01, 0.05, 0.2):
                ideal = 2 * np.sqrt(np.log(12 * np.pi * s0 * s0 / nu**2) / (4 * np.pi**2 * s0 * s0))
                res = np.zeros((6, len(WINDOWS)))
                for seed in range(6):
                    rng = np.random.default_rng(seed)
                    pad = 4 * s0 + 8
                    big = gaussian_filter(rng.standard_normal((L + 2 * pad,) * 2), s0, mode="wrap")
                    big /= np.sqrt(1 / (4 * np.pi * s0 * s0))
                    t = big[pad:pad + L, pad:pad + L]
                    r = t + nu * rng.standard_normal((L, L))
                    res[seed] = [frc50(frc_curve(t, r, w)[0], L) for w in WINDOWS.values()]
                cells = " | ".join(f"{m:.3f} +- {s:.3f}" for m, s in zip(res.mean(0), res.std(0)))
                print(f"{s0:6} {L:4} {nu:5} {ideal:6.3f} | {cells}")
    rng = np.random.default_rng(0)
    L = 128
    infl = []
    for win in WINDOWS.values():
        z = []
        for _ in range(40):
            v, n = frc_curve(rng.standard_normal((L, L)), rng.standard_normal((L, L)), win)
            z.append(np.mean(n[1:] * v[1:] ** 2))
        infl.append(np.mean(z))
    print("white-noise variance inflation (L = 128): " + ", ".join(f"{w} {x:.2f}" for w, x in zip(WINDOWS, infl)))


if __name__ == "__main__":
    main()
