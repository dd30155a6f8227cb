// The fidelity benchmark's cases (bench/fidelity.mjs), shared with bench/pretrain-curve.mjs: one
// definition of what case A–D are and of the `ptycho simulate` arguments that make each.
import path from 'node:path';

/** The fly001 probe of the shared data (case D). */
export const FLY001 = path.resolve(import.meta.dirname, '../../shared/data/fly001_probe.npz');

// Full: a 128² object, so a 2 px step gives 1024 positions and a 16 px step 25; the wide probe is
// the default probe defocused to a 15.5 px rms radius (27% of its energy outside the central 32²
// square), the demo's probe (DEMO.probe). Quick: a 96² object (≈ 289 and 9 positions).
const wide = ['--object', 'lines-pinn', '--probe', 'default', '--probe-rms', '15.5'];
export const CASES = {
  A: { what: 'wide probe, lines-pinn, dense scan, 1e9 photons', sim: [...wide, '--scan', 'jitter', '--step', '2', '--nphotons', '1e9'], sparse: false },
  B: { what: 'as A at 1e4 photons', sim: [...wide, '--scan', 'jitter', '--step', '2', '--nphotons', '1e4'], sparse: false },
  C: { what: 'as A on a sparse grid (step 16 = N/4)', sim: [...wide, '--scan', 'grid', '--step', '16', '--nphotons', '1e9'], sparse: true },
  D: { what: 'fly001 probe, grf object, dense scan, 1e9 photons', sim: ['--object', 'grf', '--probe', `from:${FLY001}`, '--scan', 'jitter', '--step', '2', '--nphotons', '1e9'], sparse: false },
};

/** The `ptycho simulate` arguments of a case (without --out). */
export function caseSimulateArgs(name, { quick = false, seed = '1' } = {}) {
  const spec = CASES[name];
  if (!spec) throw new Error(`unknown case '${name}': one of ${Object.keys(CASES).join(', ')}`);
  return ['--object-size', String(quick ? 96 : 128), '--n', '64', '--seed', String(seed), ...spec.sim];
}
