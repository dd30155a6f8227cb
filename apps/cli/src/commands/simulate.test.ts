import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNpz, toRawData } from '@ptychojs/io';
import { hasShared, runPtycho, SHARED, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const out = (name: string) => path.join(tmp.dir, name);

describe('ptycho simulate', () => {
  it('writes a valid raw scan in the SPEC §3 contract with objectGuess and metadata', () => {
    const r = runPtycho(['simulate', '--out', out('a.npz'), '--object', 'grf', '--scan', 'grid', '--step', '8', '--nphotons', '1e5', '--seed', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    const raw = toRawData(parseNpz(new Uint8Array(fs.readFileSync(out('a.npz')))), 'a.npz');
    expect(raw.M).toBe(s.M);
    expect(raw.N).toBe(64);
    expect(raw.objectGuess?.shape).toEqual([160, 160]);
    expect(raw.metadata?.nphotons).toBe(1e5);
    // Mean counts per pattern: Poisson with 1e5 mean has relative SE ~ 1/sqrt(M·1e5), far below the 1% allowed.
    let total = 0;
    for (let i = 0; i < raw.diff3d.length; i++) total += raw.diff3d[i]! ** 2;
    expect(total / raw.M / 1e5).toBeCloseTo(1, 2);
  });

  it("makes PtychoPINN's lines object with a probe of the rms radius asked for, and prints the probe's size", () => {
    const r = runPtycho(['simulate', '--out', out('wide.npz'), '--object', 'lines-pinn', '--object-size', '96', '--probe-rms', '15.5', '--scan', 'grid', '--step', '16', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    // defocusForRmsRadius solves to 1e-9 rad; float32 storage of the probe moves the radius by < 1e-4 px.
    expect(s.probeRmsRadius).toBeCloseTo(15.5, 4);
    expect(s.probeEnergyOutsideCentre).toBeCloseTo(0.27, 2); // physics measurement at 1.1·R
    expect(s.object).toBe('lines-pinn');
    expect(r.stderr).toMatch(/rms radius 15\.50 px, 2[67]\.\d% of its energy outside the central 32×32 square \(defocus 17\.5\d\d rad/);
    const raw = toRawData(parseNpz(new Uint8Array(fs.readFileSync(out('wide.npz')))), 'wide.npz');
    expect(raw.metadata?.object).toBe('lines-pinn');
  });

  it('creates the output directory when it does not exist', () => {
    const file = path.join(tmp.dir, 'made', 'here', 'sim.npz');
    expect(runPtycho(['simulate', '--out', file, '--quiet']).code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('is repeatable for a seed and differs between seeds', () => {
    for (const [name, seed] of [['s1.npz', '5'], ['s2.npz', '5'], ['s3.npz', '6']] as const) {
      expect(runPtycho(['simulate', '--out', out(name), '--seed', seed, '--quiet']).code).toBe(0);
    }
    const [a, b, c] = ['s1.npz', 's2.npz', 's3.npz'].map((f) => fs.readFileSync(out(f)));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
  });

  it.skipIf(!hasShared)('reuses an object, probe and scan from files (from:FILE.npz; needs ../shared/data)', () => {
    const golden = path.join(SHARED, 'golden/smooth_object_scan.npz');
    const r = runPtycho(['simulate', '--out', out('from.npz'), '--object', `from:${golden}`, '--probe', `from:${path.join(SHARED, 'fly001_probe.npz')}`, '--scan', `from:${golden}`, '--noise', 'none', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const raw = toRawData(parseNpz(new Uint8Array(fs.readFileSync(out('from.npz')))), 'from.npz');
    const g = toRawData(parseNpz(new Uint8Array(fs.readFileSync(golden))), golden);
    expect(raw.M).toBe(529);
    expect(Array.from(raw.xcoords)).toEqual(Array.from(g.xcoords));
    // Same object, probe, positions and dose (1e6 counts) as the golden scan, without noise: total
    // counts agree with the golden's Poisson draws to ~1/sqrt(529·1e6) ≈ 4e-5; 1e-3 leaves margin.
    let e1 = 0, e2 = 0;
    for (let i = 0; i < raw.diff3d.length; i++) { e1 += raw.diff3d[i]! ** 2; e2 += g.diff3d[i]! ** 2; }
    expect(Math.abs(e1 / e2 - 1)).toBeLessThan(1e-3);
  });

  it('refuses bad options with exit 2 naming the flag', () => {
    for (const [args, flag] of [
      [['--n', '100'], '--n'], [['--noise', 'gauss'], '--noise'], [['--object', 'cat'], '--object'], [['--scan', 'random'], '--count'],
      [['--probe-rms', '40'], '--probe-rms'], [['--probe-rms', '12', '--probe-defocus', '3'], '--probe-rms'], [['--object', 'grf', '--lines', '9'], '--lines'],
    ] as const) {
      const r = runPtycho(['simulate', '--out', out('bad.npz'), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(fs.existsSync(out('bad.npz'))).toBe(false);
    }
  });
});

describe('ptycho on an unwritable output', () => {
  it('exits 2 naming the file, not an internal error', () => {
    const r = runPtycho(['simulate', '--out', '/proc/ptycho-cannot-write.npz', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/proc/ptycho-cannot-write.npz');
    expect(r.stderr).not.toContain('internal error');
  });
});
