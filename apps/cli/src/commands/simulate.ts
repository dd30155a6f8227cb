/**
 * `ptycho simulate`: make a dataset in the raw-NPZ contract (SPEC §3): an object, a probe, a scan
 * and Poisson-noisy far-field amplitudes, with `objectGuess` for evaluation. The settings and what
 * they simulate are @ptychojs/pipeline's (`resolveSimulationSettings`, `simulateToFile`).
 */
import type { Command } from 'commander';
import { SUPPORTED_N } from '@ptychojs/io';
import { resolveSimulationSettings, SIMULATION_SETTINGS_DEFAULTS } from '@ptychojs/pipeline';
import { simulateToFile } from '@ptychojs/pipeline/node';
import { addScanOptions, printScanFindings, type ScanFlags } from '../scan-options.js';
import { addSettingFlags, flagNames, settingsInput, type SettingFlag } from '../setting-flags.js';
import { createUi, fmt } from '../ui.js';

/** Flag → SimulationSettings key; the schema of @ptychojs/pipeline converts, checks and fills defaults. */
const SIMULATE_FLAGS: readonly SettingFlag[] = [
  { flag: '--object <kind>', key: 'object', help: "'lines', 'lines-pinn' (PtychoPINN's blurred-lines recipe, phase from the amplitude), 'grf' or 'from:FILE.npz' (its objectGuess)" },
  { flag: '--lines <n>', key: 'lines', help: "number of lines ('lines': default (H + W)/10; 'lines-pinn': default PtychoPINN's density, 400 on a 392² object)" },
  { flag: '--probe <kind>', key: 'probe', help: "'default' (defocused disk aperture) or 'from:FILE.npz' (its probeGuess)" },
  { flag: '--probe-rms <px>', key: 'probeRms', help: 'size of the default probe: its rms radius in pixels (the defocus is solved for; 12.8 at N = 64 by default, 15.5 spreads 27% of the energy outside the central N/2 square)' },
  { flag: '--probe-defocus <rad>', key: 'probeDefocus', help: 'defocus of the default probe: pupil-edge phase in radians (default 0.9·R, R = N/4 the pupil radius)' },
  { flag: '--scan <kind>', key: 'scan', help: "'grid', 'jitter', 'random', 'spiral' or 'from:FILE.npz' (its xcoords/ycoords)" },
  { flag: '--step <px>', key: 'step', help: 'scan step in pixels (grid, jitter, spiral; default N/16)' },
  { flag: '--count <n>', key: 'count', help: 'number of positions (random; optional cap for spiral)' },
  { flag: '--object-size <HxW>', key: 'objectSize', help: 'object size in pixels, e.g. 160 or 200x240 (default 2.5·N)' },
  { flag: '--n <N>', key: 'n', help: `pattern side, one of ${SUPPORTED_N.join(', ')}` },
  { flag: '--nphotons <p>', key: 'nphotons', help: 'mean total counts per pattern' },
  { flag: '--noise <model>', key: 'noise', help: "'poisson' or 'none' (noise-free amplitude at the same dose)" },
  { flag: '--seed <n>', key: 'seed', help: 'random seed (object, scan and noise streams)' },
];

interface SimulateFlags extends ScanFlags { out: string; json?: boolean; quiet?: boolean }

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description('simulate a ptychographic scan (object, probe, positions, Poisson noise) as a raw NPZ with objectGuess')
    .requiredOption('--out <file>', 'output NPZ');
  // simulate reads no scan file: of the scan options only --strict applies (its check of the result).
  addScanOptions(addSettingFlags(cmd, SIMULATE_FLAGS, SIMULATION_SETTINGS_DEFAULTS), { diffraction: false, files: false })
    .option('--json', 'print a summary as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action((flags: SimulateFlags) => {
      const ui = createUi(flags);
      const names = { ...flagNames(SIMULATE_FLAGS), out: '--out' };
      const settings = resolveSimulationSettings(settingsInput(flags, SIMULATE_FLAGS), { names });
      const t0 = performance.now();
      const { sim, probeDefocus: defocus, checked } = simulateToFile(settings, flags.out, { reporter: ui, strict: Boolean(flags.strict), names });
      printScanFindings(ui, { warnings: checked.warnings });
      const m = sim.metadata;
      const { nphotons, seed } = settings;
      const summary = {
        out: flags.out, M: m.M, N: m.N, object: m.object, objectShape: m.object_shape, probe: m.probe,
        probeRmsRadius: m.probe_rms_radius, probeEnergyOutsideCentre: m.probe_energy_outside_centre, ...(defocus === undefined ? {} : { probeDefocus: defocus }),
        scan: m.scan, nphotons, meanCounts: sim.meanCounts, noise: m.noise, seed, seconds: (performance.now() - t0) / 1000, warnings: checked.warnings,
      };
      ui.result(summary);
      ui.info(`wrote ${flags.out}: M = ${m.M} patterns of ${m.N}×${m.N}, object ${m.object} ${m.object_shape.join('×')}, probe ${m.probe}, scan ${m.scan}, mean counts ${fmt(sim.meanCounts)} (${m.noise} noise), seed ${seed}`);
      ui.info(`probe: rms radius ${m.probe_rms_radius.toFixed(2)} px, ${(100 * m.probe_energy_outside_centre).toFixed(1)}% of its energy outside the central ${m.N / 2}×${m.N / 2} square${defocus === undefined ? '' : ` (defocus ${defocus.toFixed(3)} rad at the pupil edge)`}`);
    });
}
