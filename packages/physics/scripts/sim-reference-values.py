#!/usr/bin/env python3
"""Reference numbers quoted in packages/physics/src/sim tests, computed independently with numpy/scipy.

Run: python3 packages/physics/scripts/sim-reference-values.py
"""
import numpy as np
from scipy.spatial import cKDTree


def copula(rho):
    """Correlation of Phi(g1), Phi(g2) for standard normals with correlation rho."""
    return 6 / np.pi * np.arcsin(rho / 2)


# grf-object.test.ts: power-law spectrum S = (|f|^2 + (1/(2 pi l))^2)^(-beta/2), beta = 3, l = 8, on 256^2.
R = 256
f = np.fft.fftfreq(R)
fy, fx = np.meshgrid(f, f, indexing="ij")
S = (fx**2 + fy**2 + 1 / (2 * np.pi * 8) ** 2) ** (-1.5)
S[0, 0] = 0
C = np.real(np.fft.ifft2(S))
for lag in (4, 8, 16):
    rho = C[0, lag] / C[0, 0]
    print(f"power-law field: lag {lag:2d} rho {rho:.3f} -> after Phi {copula(rho):.3f}")
# Gaussian spectrum, l = 4: rho(r) = exp(-r^2 / (2 l^2)).
for lag in (4, 8):
    rho = np.exp(-lag**2 / 32)
    print(f"gaussian field:  lag {lag:2d} rho {rho:.3f} -> after Phi {copula(rho):.3f}")

# scans.test.ts: Fermat spiral r_k = (step/sqrt(pi)) sqrt(k + 1/2), angle k * golden angle; spacing in units of step.
k = np.arange(2000)
r = np.sqrt((k + 0.5) / np.pi)
t = k * np.pi * (3 - np.sqrt(5))
P = np.c_[r * np.cos(t), r * np.sin(t)]
d, _ = cKDTree(P).query(P, 2)
print(f"spiral nearest-neighbour spacing / step: min {d[:, 1].min():.3f}, median {np.median(d[:, 1]):.3f}")
