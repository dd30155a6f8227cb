/**
 * The names of the files and folders the commands write (SPEC §3 "Run directory", docs/1-workflow):
 * each named once here, for every writer and reader — the CLI, the report, the view server and the
 * web app. Browser-safe (names only; no file access).
 *
 * A training run (`ptycho train`, `pretrain`; `run`'s `train/`): `config.json`, `history.json`,
 * `probe.npz`, `loss.png`, `model-card.json`, `model/` (the U-Net, `model.json` and its shards),
 * `snapshots/` (pretraining), `test/` (the held-out scan's reconstruction), `checkpoint/` (an
 * unfinished or resumable training's state).
 * A reconstruction (`infer`, `epie`; `run`'s `recon/`, `pretrained/`, `refined/`, `epie/`):
 * `reconstruction.npz`, `reconstruction.json`, `amplitude.png`, `phase.png`, `scan.png`,
 * `cost.png` (ePIE), `probe.npz` (ePIE's refined probe), `metrics.json`, `frc.png`, the
 * self-consistency pictures, and the truth in the same frame (`truth_amplitude.png`, …).
 * A run (`ptycho run`, `demo`): `train/`, `recon/`, … beside `summary.json`, `report.html` and,
 * for the demo, its simulated `data.npz`.
 */
export const RUN_FILES = {
  // a training run
  config: 'config.json',
  history: 'history.json',
  probe: 'probe.npz',
  lossChart: 'loss.png',
  modelCard: 'model-card.json',
  model: 'model',
  snapshots: 'snapshots',
  test: 'test',
  checkpoint: 'checkpoint',
  // a reconstruction
  reconstruction: 'reconstruction.npz',
  reconstructionRecord: 'reconstruction.json',
  amplitude: 'amplitude.png',
  phase: 'phase.png',
  scanChart: 'scan.png',
  costChart: 'cost.png',
  metrics: 'metrics.json',
  frcChart: 'frc.png',
  residualMap: 'residual_map.png',
  fluence: 'fluence.png',
  probeAmplitude: 'probe_amplitude.png',
  probePhase: 'probe_phase.png',
  truthAmplitude: 'truth_amplitude.png',
  truthPhase: 'truth_phase.png',
  // a run
  train: 'train',
  recon: 'recon',
  pretrained: 'pretrained',
  refined: 'refined',
  epie: 'epie',
  summary: 'summary.json',
  report: 'report.html',
  demoData: 'data.npz',
} as const;

/** `amplitude.png` → `amplitude_reliable.png`: a picture cropped to the reliably reconstructed region (issue 17). */
export function reliableCrop(png: string): string {
  return png.replace(/\.png$/, '_reliable.png');
}
