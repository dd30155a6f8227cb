import { describe, expect, it } from 'vitest';
import { scanDataFromRaw, type ComplexArray, type RawData } from '@ptychojs/io';
import { extractGroundTruthPatches } from '@ptychojs/grouping';
import { evaluateReconstruction, registerCanvasOrigin } from '@ptychojs/metrics';
import { reconstructScan, type PredictBatch } from './reconstruct-scan.js';

/** A smooth 140×140 object and a jittered 8×8 scan over it (N = 64). */
function scan(): RawData {
  const H = 140, W = 140, N = 64, re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const a = 0.7 + 0.3 * Math.sin(r / 6) * Math.cos(c / 8), p = 0.8 * Math.sin(c / 10) - 0.5 * Math.cos(r / 7);
    re[r * W + c] = a * Math.cos(p); im[r * W + c] = a * Math.sin(p);
  }
  const M = 64, xs = new Float64Array(M), ys = new Float64Array(M);
  for (let k = 0; k < M; k++) { xs[k] = 40 + 8.3 * (k % 8) + 0.37 * ((k * 7) % 5); ys[k] = 40 + 8.1 * Math.floor(k / 8) + 0.29 * ((k * 3) % 4); }
  const probe: ComplexArray = { shape: [N, N], re: new Float32Array(N * N).fill(1), im: new Float32Array(N * N) };
  return { source: 'synthetic', M, N, xcoords: xs, ycoords: ys, xcoordsStart: xs, ycoordsStart: ys, diff3d: new Float32Array(M * N * N).fill(1), probeGuess: probe, objectGuess: { shape: [H, W], re, im }, scanIndex: new Int32Array(M) };
}

/** An oracle "model": the true object around each group's offset position. */
function oracle(raw: RawData): PredictBatch {
  return async (batch) => {
    const xs = new Float64Array(batch.B), ys = new Float64Array(batch.B);
    for (let b = 0; b < batch.B; b++) { xs[b] = batch.coordsOffsets[2 * b]!; ys[b] = batch.coordsOffsets[2 * b + 1]!; }
    const p = extractGroundTruthPatches(raw.objectGuess!, xs, ys, raw.N, 1);
    return { re: p.re, im: p.im };
  };
}

describe('reconstructScan', () => {
  it.each([1, 2])('stitches in the canvasOrigin frame: the true object comes back (gridsize %i)', async (gridsize) => {
    const raw = scan();
    const out = await reconstructScan(scanDataFromRaw(raw), oracle(raw), { grouping: { gridsize, K: 6, seed: 1 }, batchSize: 7 });
    expect(out.groups).toBe(raw.M);
    const res = evaluateReconstruction(out.reconstruction.object, out.reconstruction.canvasOrigin, raw.objectGuess!, { xmin: 50, xmax: 90, ymin: 50, ymax: 90 });
    // Sub-pixel bilinear resampling of a smooth object twice (extract, then place) costs ~1e-3 in amplitude.
    expect(res.metrics.amp_mae).toBeLessThan(3e-3);
    expect(res.metrics.phase_mae).toBeLessThan(3e-3);
    expect(res.metrics.amp_ssim).toBeGreaterThan(0.99);
    // The recorded origin is at least as good as the best integer-shift registration.
    const reg = registerCanvasOrigin(out.reconstruction.object, out.reconstruction.canvasOrigin, raw.objectGuess!, { xmin: 50, xmax: 90, ymin: 50, ymax: 90 });
    expect(reg.shift).toEqual([0, 0]);
  });

  it('gives the same canvas, bit for bit, with calls in flight finishing out of order (concurrency 3)', async () => {
    const raw = scan();
    const base = oracle(raw);
    let calls = 0, inFlight = 0, most = 0;
    // Later batches answer first: a batch waits longer the earlier it was asked for.
    const slow: PredictBatch = async (batch) => {
      const k = calls++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 30 * (3 - (k % 3))));
      inFlight--;
      return base(batch);
    };
    const opts = { grouping: { gridsize: 2, K: 6, seed: 1 }, batchSize: 7 };
    const one = await reconstructScan(scanDataFromRaw(raw), base, opts);
    const three = await reconstructScan(scanDataFromRaw(raw), slow, { ...opts, concurrency: 3 });
    expect(most).toBe(3);
    // Stitching is a float32 sum: the same order of additions gives the same bits.
    expect(Array.from(three.reconstruction.object.re)).toEqual(Array.from(one.reconstruction.object.re));
    expect(Array.from(three.reconstruction.object.im)).toEqual(Array.from(one.reconstruction.object.im));
  });

  it('reports a failed batch, even while later ones are in flight', async () => {
    const raw = scan();
    const base = oracle(raw);
    let calls = 0;
    const failing: PredictBatch = async (batch) => { if (calls++ === 1) throw new Error('batch 1 failed'); return base(batch); };
    await expect(reconstructScan(scanDataFromRaw(raw), failing, { grouping: { gridsize: 1, K: 6, seed: 1 }, batchSize: 7, concurrency: 2 })).rejects.toThrow('batch 1 failed');
  });
});
