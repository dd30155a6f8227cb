#!/usr/bin/env node
// Self-consistency benchmark (issue 17): does quality measured without a ground truth track quality
// measured against it? On simulated scans across doses (1e4 … 1e9 photons per pattern) and scan
// densities, ePIE from a flat object (the same iterations for every case) reconstructs the object;
// `selfConsistency` of @ptychojs/pipeline (the function behind `ptycho run` and
// `ptycho evaluate --data`) measures the data residual and the half-scan FRC resolution (½-bit,
// each half reconstructed by ePIE from flat with the same iterations), and the FRC of the
// reconstruction against the truth (complex, same box, threshold 0.5) gives the true resolution.
// Reported: Spearman's rank correlation between the half-scan and the true resolution (and the
// SPEC §4 phase FRC50), how pessimistic the half-scan number is (ratio to the true resolution),
// the residual at the truth (≈ 1) and at the reconstruction, and the damaged-reconstruction check:
// a patch of one reconstruction replaced by noise, the positions that see it light up.
//
//   npm run bench:selfconsistency -- [--quick] [--iterations 50] [--out DIR]
//
// JSON on stdout, a table on stderr, residual maps and FRC charts in OUT/. Run it under `nice`
// when others share the machine.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    iterations: { type: 'string', default: '50' },
    out: { type: 'string', default: path.join(root, 'bench/out/selfconsistency') },
  },
});
const { createRng } = await import('@ptychojs/io');
const { epie, simulateScan } = await import('@ptychojs/physics');
const { evaluateReconstruction, frcResolution, registerByShift, scanBoxFromPositions } = await import('@ptychojs/metrics');
const { checkScan, usableScan, selfConsistency, epieSubsetReconstructor, chartSvg, selfConsistencyCharts } = await import('@ptychojs/pipeline');
const { selfConsistencyPngs } = await import('@ptychojs/pipeline/node');

const quick = values.quick, iterations = Number(values.iterations);
const doses = quick ? [1e4, 1e6, 1e9] : [1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const steps = quick ? [4, 10] : [3, 6, 12];
const size = quick ? 112 : 128;
fs.mkdirSync(values.out, { recursive: true });
const log = (s) => process.stderr.write(`${s}\n`);
const r4 = (v) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

/** Spearman's ρ: Pearson correlation of the ranks (ties get their mean rank). */
function spearman(a, b) {
  const rank = (v) => {
    const idx = v.map((x, i) => [x, i]).sort((p, q) => p[0] - q[0]), r = new Array(v.length);
    for (let i = 0; i < idx.length;) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
      for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a), rb = rank(b), n = a.length, ma = ra.reduce((s, x) => s + x, 0) / n, mb = rb.reduce((s, x) => s + x, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) ** 2; sbb += (rb[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

/** Crop of an object on its canvas (integer origin) to a box of the object frame. */
function crop(o, origin, box) {
  const W = o.shape[1], x0 = Math.round(origin[0]), y0 = Math.round(origin[1]);
  const re = new Float64Array(box.width * box.height), im = new Float64Array(box.width * box.height);
  for (let r = 0; r < box.height; r++) for (let c = 0; c < box.width; c++) {
    const k = (box.y0 - y0 + r) * W + box.x0 - x0 + c;
    re[r * box.width + c] = o.re[k]; im[r * box.width + c] = o.im[k];
  }
  return { shape: [box.height, box.width], re, im };
}

const t00 = performance.now();
const cases = [];
let damaged;
for (const step of steps) {
  for (const nphotons of doses) {
    const t0 = performance.now();
    const sim = simulateScan({ n: 64, object: { kind: 'lines-pinn', height: size, width: size }, probe: { kind: 'default' }, scan: { kind: 'jitter', step }, nphotons, seed: 1 });
    const raw = usableScan(checkScan({ ...sim.arrays }, `sim-${step}-${nphotons}`, { command: 'epie' })).raw;
    const rec = epie({ diffraction: raw.diff3d, probe: raw.probeGuess, xs: raw.xcoords, ys: raw.ycoords, iterations, seed: 0 });
    const sc = await selfConsistency(raw, rec.reconstruction, {
      method: 'epie', probe: rec.probe, reconstructSubset: epieSubsetReconstructor(raw, { iterations, rpieAlpha: 1, seed: 0 }), reconstructSubsetLabel: `ePIE from flat, ${iterations} iterations`,
    });
    const atTruth = await selfConsistency(raw, { object: sim.object, canvasOrigin: [0, 0], amplitude: new Float32Array(size * size), phase: new Float32Array(size * size) });
    const h = sc.record.halfScanFrc;
    const T = crop(sim.object, [0, 0], h.box), R = crop(rec.reconstruction.object, rec.reconstruction.canvasOrigin, h.box);
    const reg = registerByShift(T, R, { upsample: 20, maxShift: 4 });
    const trueFrc = frcResolution(T, R, { threshold: 0.5, shift: [reg.dx, reg.dy] });
    const trueHalfBit = frcResolution(T, R, { shift: [reg.dx, reg.dy] });
    const spec4 = evaluateReconstruction(rec.reconstruction.object, rec.reconstruction.canvasOrigin, sim.object, scanBoxFromPositions(raw.xcoords, raw.ycoords)).metrics;
    const name = `step${step}-dose${nphotons.toExponential(0)}`;
    fs.writeFileSync(path.join(values.out, `${name}-residual_map.png`), selfConsistencyPngs(sc, rec.reconstruction, raw).residualMap);
    fs.writeFileSync(path.join(values.out, `${name}-charts.html`), selfConsistencyCharts(sc.record, name).map(chartSvg).join('\n'));
    const c = {
      name, step, nphotons, M: raw.M, iterations, medianStep: sc.step, linearOverlap: sc.record.overlap.linear, split: h.split,
      halfScanResolutionPx: h.resolutionPixels, halfScanReachesNyquist: h.reachesNyquist,
      trueResolutionPx: trueFrc.resolutionPixels, trueReachesNyquist: trueFrc.reachesNyquist, trueHalfBitResolutionPx: trueHalfBit.resolutionPixels,
      pessimism: h.resolutionPixels / trueFrc.resolutionPixels,
      amp_ssim: spec4.amp_ssim, phase_ssim: spec4.phase_ssim, amp_frc50: spec4.amp_frc50, phase_frc50: spec4.phase_frc50,
      residual: sc.record.residuals.normalizedDeviance, residualAtTruth: atTruth.record.residuals.normalizedDeviance, rFactor: sc.record.residuals.rFactor,
      seconds: (performance.now() - t0) / 1000,
    };
    cases.push(c);
    log(`[${name}] M ${c.M}, overlap ${c.linearOverlap.toFixed(2)}: half-scan ${c.halfScanResolutionPx.toFixed(2)} px, true ${c.trueResolutionPx.toFixed(2)} px (×${c.pessimism.toFixed(2)}), SSIM ${c.amp_ssim.toFixed(3)}/${c.phase_ssim.toFixed(3)}, residual ${c.residual.toPrecision(3)} (truth ${c.residualAtTruth.toPrecision(3)}), ${c.seconds.toFixed(0)} s`);
    // The damaged-reconstruction check, on the densest case at 1e6 photons.
    if (!damaged && nphotons === 1e6 && step === steps[0]) {
      const o = rec.reconstruction.object, W = o.shape[1], [x0, y0] = rec.reconstruction.canvasOrigin, rng = createRng(9);
      const re = o.re.slice(), im = o.im.slice(), cx = 40, cy = 40;
      for (let y = cy - 5; y < cy + 5; y++) for (let x = cx - 5; x < cx + 5; x++) { const k = (y - y0) * W + x - x0; re[k] = rng.normal(); im[k] = rng.normal(); }
      const bad = { object: { shape: o.shape, re, im }, canvasOrigin: [x0, y0], amplitude: Float32Array.from(re, (v, i) => Math.hypot(v, im[i])), phase: Float32Array.from(re, (v, i) => Math.atan2(im[i], v)) };
      const d = await selfConsistency(raw, bad);
      fs.writeFileSync(path.join(values.out, 'damaged-residual_map.png'), selfConsistencyPngs(d, bad, raw).residualMap);
      const dist = (k) => Math.max(Math.abs(raw.xcoords[k] - cx), Math.abs(raw.ycoords[k] - cy));
      const near = [], far = [];
      for (let k = 0; k < raw.M; k++) (dist(k) <= 8 ? near : dist(k) >= 38 ? far : []).push(d.normalizedDeviance[k] / sc.normalizedDeviance[k]);
      const med = (v) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : Number.NaN; };
      damaged = { case: name, patch: { x: cx, y: cy, side: 10 }, nearPositions: near.length, farPositions: far.length, medianRatioNear: med(near), medianRatioFar: med(far), worst: d.record.residuals.worst.slice(0, 3) };
      log(`[damaged] patch at (${cx}, ${cy}): positions within 8 px ×${damaged.medianRatioNear.toFixed(1)} their undamaged residual (median of ${near.length}), ≥ 38 px away (outside their N×N window) ×${damaged.medianRatioFar.toFixed(3)} (${far.length})`);
    }
  }
}
const rho = spearman(cases.map((c) => c.halfScanResolutionPx), cases.map((c) => c.trueResolutionPx));
const rhoHalfBit = spearman(cases.map((c) => c.halfScanResolutionPx), cases.map((c) => c.trueHalfBitResolutionPx));
const rhoFrc50 = spearman(cases.map((c) => c.halfScanResolutionPx), cases.map((c) => -c.phase_frc50));
const rhoResidualSsim = spearman(cases.map((c) => c.residual), cases.map((c) => -(c.amp_ssim + c.phase_ssim)));
const ratios = cases.map((c) => c.pessimism).sort((a, b) => a - b);
const f = (v, k = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(k) : String(v));
const lines = [
  quick ? '**QUICK run: fewer cases — not the benchmark.**' : '',
  '| step (px) | photons | M | overlap | half-scan res. (px) | true res. (px) | ratio | amp/phase SSIM | phase FRC50 | residual | residual at truth |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...cases.map((c) => `| ${c.step} | ${c.nphotons.toExponential(0)} | ${c.M} | ${f(c.linearOverlap)} | ${f(c.halfScanResolutionPx)}${c.halfScanReachesNyquist ? ' (Nyq.)' : ''} | ${f(c.trueResolutionPx)}${c.trueReachesNyquist ? ' (Nyq.)' : ''} | ${f(c.pessimism)} | ${f(c.amp_ssim, 3)}/${f(c.phase_ssim, 3)} | ${f(c.phase_frc50, 3)} | ${f(c.residual, 3)} | ${f(c.residualAtTruth, 3)} |`),
  '',
  `Spearman ρ (half-scan resolution vs true resolution, FRC vs truth at 0.5): ${f(rho, 3)} over ${cases.length} cases; vs the same at ½-bit: ${f(rhoHalfBit, 3)}; vs the SPEC §4 phase FRC50 (higher = better, sign flipped): ${f(rhoFrc50, 3)}`,
  `Half-scan resolution / true resolution: median ${f(ratios[Math.floor(ratios.length / 2)])}, range ${f(ratios[0])} … ${f(ratios.at(-1))}`,
  `Spearman ρ (data residual vs −(amp + phase SSIM)) across doses: ${f(rhoResidualSsim, 3)} — the residual is in units of each scan's own counting noise, so it compares methods on one scan, not scans of different doses`,
  damaged ? `Damaged reconstruction (${damaged.case}, 10×10 patch of noise at (${damaged.patch.x}, ${damaged.patch.y})): residual ×${f(damaged.medianRatioNear, 1)} at the ${damaged.nearPositions} positions within 8 px, ×${f(damaged.medianRatioFar, 3)} at the ${damaged.farPositions} positions ≥ 38 px away, whose N×N window misses the patch (medians)` : '',
  `Total wall time ${f((performance.now() - t00) / 60000, 1)} min; pictures in ${values.out}`,
];
log(lines.filter((l) => l !== '').join('\n'));
const out = {
  quick, node: process.version, date: new Date().toISOString(), iterations, object: `lines-pinn ${size}²`, probe: 'default (N = 64)', scan: 'jitter',
  spearman: { halfScanVsTrue: rho, halfScanVsTrueHalfBit: rhoHalfBit, halfScanVsPhaseFrc50: rhoFrc50, residualVsSsim: rhoResidualSsim },
  pessimism: { median: ratios[Math.floor(ratios.length / 2)], min: ratios[0], max: ratios.at(-1) }, damaged, cases,
};
fs.writeFileSync(path.join(values.out, 'results.json'), `${JSON.stringify(out, (_k, v) => r4(v), 2)}\n`);
process.stdout.write(`${JSON.stringify(out, (_k, v) => r4(v), 2)}\n`);
