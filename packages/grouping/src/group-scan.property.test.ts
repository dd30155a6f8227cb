import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupScan } from './group-scan.js';

/** Random valid scans: M positions (some duplicated), gridsize with C ≤ M, K ≥ C − 1, a seed. */
const scan = fc.record({
  points: fc.array(fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true })), { minLength: 1, maxLength: 60 }),
  dup: fc.nat({ max: 5 }),
  gridsize: fc.integer({ min: 1, max: 3 }),
  extraK: fc.nat({ max: 6 }),
  nGroups: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
  sampling: fc.constantFrom('random' as const, 'sequential' as const),
  seed: fc.integer(),
}).filter(({ points, dup, gridsize }) => gridsize * gridsize <= points.length + Math.min(dup, points.length))
  .map(({ points, dup, gridsize, extraK, nGroups, sampling, seed }) => {
    const all = [...points, ...points.slice(0, dup)]; // duplicates are distinct points at distance 0
    const C = gridsize * gridsize;
    return { xs: Float64Array.from(all, (p) => p[0]), ys: Float64Array.from(all, (p) => p[1]), gridsize, K: Math.max(1, C - 1 + extraK), nGroups, sampling, seed };
  });

describe('groupScan (property-based, fast-check; SPEC §3 "Grouping")', () => {
  it('each group is its seed plus C − 1 distinct others from the seed\'s K nearest; offsets are means; relative = −(pos − offset)', () => {
    fc.assert(fc.property(scan, ({ xs, ys, gridsize, K, nGroups, sampling, seed }) => {
      const M = xs.length, C = gridsize * gridsize;
      const g = groupScan(xs, ys, { gridsize, K, nGroups, sampling, seed });
      const B = Math.min(nGroups ?? M, M);
      expect([g.B, g.C, g.gridsize]).toEqual([B, C, gridsize]);
      const seeds = new Set<number>();
      for (let b = 0; b < B; b++) {
        const members = Array.from(g.nnIndices.subarray(b * C, (b + 1) * C));
        const s = members[0]!;
        seeds.add(s);
        if (sampling === 'sequential') expect(s).toBe(b);
        expect(new Set(members).size).toBe(C); // distinct, seed included once
        // Brute-force K-th nearest squared distance among the other positions (ties: any member
        // at ≤ it). Squared, as the kd-tree compares them (denormal offsets square to 0 in both).
        const d = (i: number): number => (xs[i]! - xs[s]!) ** 2 + (ys[i]! - ys[s]!) ** 2;
        const others = Array.from({ length: M }, (_, i) => i).filter((i) => i !== s).map(d).sort((p, q) => p - q);
        const kth = others[Math.min(K, M - 1) - 1] ?? 0;
        for (const m of members.slice(1)) expect(d(m)).toBeLessThanOrEqual(kth);
        let sx = 0, sy = 0;
        for (const m of members) { sx += xs[m]!; sy += ys[m]!; }
        const ox = g.coordsOffsets[2 * b]!, oy = g.coordsOffsets[2 * b + 1]!;
        // Mean of ≤ 9 values of magnitude ≤ 500 in float64: exact to a few ulps of 500.
        expect(Math.abs(ox - sx / C)).toBeLessThan(1e-12);
        expect(Math.abs(oy - sy / C)).toBeLessThan(1e-12);
        for (let c = 0; c < C; c++) {
          const m = members[c]!;
          expect(g.coordsNn[b * 2 * C + c]).toBe(xs[m]);
          expect(g.coordsNn[b * 2 * C + C + c]).toBe(ys[m]);
          expect(g.coordsRelative[b * 2 * C + c]).toBe(-(xs[m]! - ox));
          expect(g.coordsRelative[b * 2 * C + C + c]).toBe(-(ys[m]! - oy));
        }
      }
      expect(seeds.size).toBe(B); // seeds drawn without replacement
    }), { numRuns: 300 });
  });

  it('is a function of its inputs and seed', () => {
    fc.assert(fc.property(scan, (o) => {
      const a = groupScan(o.xs, o.ys, o), b = groupScan(o.xs, o.ys, o);
      expect(b.nnIndices).toEqual(a.nnIndices);
    }), { numRuns: 50 });
  });
});
