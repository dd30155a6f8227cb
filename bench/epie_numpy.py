#!/usr/bin/env python3
"""numpy baseline for the ePIE bench section (bench/sections.mjs `epie`): the same algorithm as
@ptychojs/physics `epie` (ePIE with rPIE's alpha, known probe, bilinear sub-pixel patches, probe
scaled to the data's energy, integer-origin canvas, flat start), written the way numpy code for
ePIE usually is (one position at a time, numpy.fft = pocketfft, one thread).

usage: epie_numpy.py SCAN.npz ITERATIONS [ALPHA] [SEED] [--out OBJECT.npy]
prints JSON: {"M", "N", "secondsPerIteration" (median over the iterations after the first),
              "cost" (per iteration, same definition as ours), "numpy"}
"""
import json
import sys
import time

import numpy as np


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    out = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else None
    if out in args:
        args.remove(out)
    path, iterations = args[0], int(args[1])
    alpha = float(args[2]) if len(args) > 2 else 1.0
    seed = int(args[3]) if len(args) > 3 else 0
    d = np.load(path)
    xs, ys = d['xcoords'].astype(np.float64), d['ycoords'].astype(np.float64)
    diff = d['diff3d'].astype(np.float64)
    probe = d['probeGuess'].astype(np.complex128)
    M, N = diff.shape[0], diff.shape[1]
    h = N // 2

    # canvas: the smallest integer-origin box holding every patch and its bilinear neighbours
    cx, cy = xs - h, ys - h
    ic, ir = np.floor(cx).astype(int), np.floor(cy).astype(int)
    fc, fr = cx - ic, cy - ir
    c0, r0 = ic.min(), ir.min()
    c1 = (ic + N - 1 + (fc > 0)).max()
    r1 = (ir + N - 1 + (fr > 0)).max()
    H, W = r1 - r0 + 2, c1 - c0 + 2  # one spare row/column so every slice below has N+1 entries
    obj = np.ones((H, W), np.complex128)
    ic, ir = ic - c0, ir - r0

    meas = np.fft.ifftshift(diff, axes=(-2, -1)) * N  # unshifted, times N
    data_energy = np.sum(diff ** 2)
    w = np.stack([(1 - fr) * (1 - fc), (1 - fr) * fc, fr * (1 - fc), fr * fc], axis=1)

    def patch(k):
        r, c = ir[k], ic[k]
        a, b, e, f = w[k]
        return (a * obj[r:r + N, c:c + N] + b * obj[r:r + N, c + 1:c + N + 1]
                + e * obj[r + 1:r + N + 1, c:c + N] + f * obj[r + 1:r + N + 1, c + 1:c + N + 1])

    model_energy = sum(np.sum(np.abs(probe * patch(k)) ** 2) for k in range(M))
    probe = probe * np.sqrt(data_energy / model_energy)
    p2 = np.abs(probe) ** 2
    denom = (1 - alpha) * p2 + alpha * p2.max()
    step = np.conj(probe) / denom

    rng = np.random.default_rng(seed)
    costs, times = [], []
    for _ in range(iterations):
        t0 = time.perf_counter()
        misfit = 0.0
        for k in rng.permutation(M):
            psi = probe * patch(k)
            Psi = np.fft.fft2(psi)
            mag = np.abs(Psi)
            misfit += np.sum((mag - meas[k]) ** 2) / (N * N)
            dpsi = np.fft.ifft2(Psi * (meas[k] / np.maximum(mag, 1e-30) - 1))
            upd = step * dpsi
            r, c = ir[k], ic[k]
            a, b, e, f = w[k]
            obj[r:r + N, c:c + N] += a * upd
            obj[r:r + N, c + 1:c + N + 1] += b * upd
            obj[r + 1:r + N + 1, c:c + N] += e * upd
            obj[r + 1:r + N + 1, c + 1:c + N + 1] += f * upd
        times.append(time.perf_counter() - t0)
        costs.append(misfit / data_energy)
    if out:
        np.save(out, obj[:H - 1, :W - 1].astype(np.complex64))
    timed = sorted(times[1:] if len(times) > 1 else times)  # the first iteration warms up
    print(json.dumps({'M': int(M), 'N': int(N), 'iterations': iterations, 'alpha': alpha,
                      'secondsPerIteration': timed[len(timed) // 2], 'cost': costs,
                      'canvasOrigin': [int(c0), int(r0)], 'numpy': np.__version__}))


if __name__ == '__main__':
    main()
