#!/usr/bin/env python3
"""Reference numbers quoted in packages/physics/src/consistency tests, computed independently with
scipy: the expected Poisson deviance E[D | mu] = sum_y Poisson(y; mu) * 2 (y ln(y/mu) - (y - mu)),
summed with scipy.stats.poisson.pmf in long double over y = 0 .. mu + 60 sqrt(mu) + 100.

Run: python3 packages/physics/scripts/residual-reference-values.py
"""
import numpy as np
from scipy.stats import poisson


def expected_deviance(mu):
    y = np.arange(0, int(mu + 60 * np.sqrt(mu) + 100), dtype=np.longdouble)
    p = poisson.pmf(y.astype(np.float64), mu).astype(np.longdouble)
    m = np.longdouble(mu)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = 2 * (np.where(y > 0, y * np.log(y / m), 0) - (y - m))
    return float(np.sum(p * d))


for mu in [1e-9, 1e-6, 1e-3, 0.01, 0.1, 0.3, 0.5, 1, 1.3, 2, 5, 10, 30, 99, 100, 101, 1e3, 1e5]:
    print(f"  [{mu:g}, {expected_deviance(mu):.10g}],")

mus = np.exp(np.linspace(np.log(0.5), np.log(3), 2001))
e = np.array([expected_deviance(m) for m in mus])
print(f"maximum {e.max():.5f} at mu = {mus[e.argmax()]:.3f}")
