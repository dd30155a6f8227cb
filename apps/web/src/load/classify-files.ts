import { baseName, type SourceFile } from './source-file.js';
import { RUN_FILES } from '@ptychojs/pipeline';

/** A saved tfjs model: `model.json` and the weight shards beside it. */
export interface ModelFiles {
  readonly json: SourceFile;
  readonly shards: readonly SourceFile[];
  /** The run's `config.json` beside the `model/` folder (grouping settings), when present. */
  readonly runConfig?: SourceFile;
  /** The run's `probe.npz` (the model probe the compatibility check compares a scan's with). */
  readonly probe?: SourceFile;
  /** The run's `model-card.json` (issue 15; absent in directories of earlier versions). */
  readonly card?: SourceFile;
  /** The run's `history.json` (its validation scores; the patterns seen of a directory without a card). */
  readonly history?: SourceFile;
}

/** What a set of files holds, by role ({@link classifyFiles}). */
export interface Classified {
  /** `reconstruction.npz` files, shallowest first (`recon/` of a run before `test/` of a train). */
  readonly reconstructions: readonly SourceFile[];
  readonly summary?: SourceFile;
  readonly history?: SourceFile;
  readonly metrics?: SourceFile;
  /** Every `metrics.json`, in the order of the reconstructions (each method's directory holds one, issue 17). */
  readonly metricsAll: readonly SourceFile[];
  /** A run directory's `config.json` (beside `model/` or `history.json`). */
  readonly runConfig?: SourceFile;
  readonly models: readonly ModelFiles[];
  /** Every other `.npz`, `.h5`, `.hdf5` or `.cxi`: scans (a run's `data.npz`, a folder of scans, ptychodus and CXI files; read by content). */
  readonly scans: readonly SourceFile[];
}

const depth = (p: string) => p.split('/').length;
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
/**
 * A `run`/`demo` folder holds the network's result in `recon/` and, with `--init-model`,
 * `--refine` and `--compare-epie`, the pretrained network's in `pretrained/` and ePIE's in
 * `refined/` and `epie/`: at equal depth the network's comes first (it is what the run's summary
 * describes), then the others in the order of the pipeline (pretrained, refined, ePIE), then by name.
 */
const RESULT_DIRS = ['recon', 'pretrained', 'refined', 'epie'];
const resultRank = (p: string) => { const i = RESULT_DIRS.indexOf(baseName(dirOf(p))); return i < 0 ? RESULT_DIRS.length : i; };
const byDepth = (a: SourceFile, b: SourceFile) => depth(a.path) - depth(b.path) || resultRank(a.path) - resultRank(b.path) || a.path.localeCompare(b.path);
const SHARD = /^group\d+-shard\d+of\d+\.bin$/;
/** Files of a run that are results or state, not scans (`--format` writes reconstruction.cxi, and product.h5/.npz beside reconstruction.npz). */
const NOT_SCANS = [RUN_FILES.reconstruction, RUN_FILES.probe, 'reconstruction.cxi'];
const OUTPUT_PRODUCTS = ['product.h5', 'product.npz'];
/** Folders whose files are internal state, not results (a training checkpoint holds a model.json too). */
const INTERNAL = /(^|\/)checkpoint(\/|$)/;

/**
 * Sort files by what they are, from their names and places only (content is checked when read):
 * the layouts of SPEC §3 — a `run`/`demo` folder (`summary.json`, `data.npz`, `train/`, `recon/`),
 * a `train` or `pretrain` run directory (`model/`, `config.json`, `history.json`, `probe.npz`,
 * `model-card.json`), an `infer`
 * folder (`reconstruction.npz`), or any folder of raw scans. Of each single file the shallowest
 * wins. `probe.npz` and checkpoint files are run state, not scans.
 */
export function classifyFiles(files: readonly SourceFile[]): Classified {
  const visible = files.filter((f) => !INTERNAL.test(dirOf(f.path))).sort(byDepth);
  const named = (name: string) => visible.find((f) => baseName(f.path) === name);
  const reconstructions = visible.filter((f) => baseName(f.path) === RUN_FILES.reconstruction);
  const models: ModelFiles[] = visible.filter((f) => baseName(f.path) === 'model.json').map((json) => {
    const dir = dirOf(json.path);
    const shards = visible.filter((f) => dirOf(f.path) === dir && SHARD.test(baseName(f.path)));
    const runDir = baseName(dir) === 'model' ? dirOf(dir) : dir;
    const inRun = (name: string) => visible.find((f) => f.path === (runDir ? `${runDir}/${name}` : name));
    const [runConfig, probe, card, history] = [RUN_FILES.config, RUN_FILES.probe, RUN_FILES.modelCard, RUN_FILES.history].map(inRun);
    return { json, shards, ...(runConfig ? { runConfig } : {}), ...(probe ? { probe } : {}), ...(card ? { card } : {}), ...(history ? { history } : {}) };
  });
  const historyFile = named(RUN_FILES.history);
  const runConfig = models.find((m) => m.runConfig)?.runConfig
    ?? (historyFile ? visible.find((f) => f.path === (dirOf(historyFile.path) ? `${dirOf(historyFile.path)}/${RUN_FILES.config}` : RUN_FILES.config)) : undefined);
  const outputDirs = new Set(reconstructions.map((f) => dirOf(f.path)));
  const scans = visible.filter((f) => /\.(npz|h5|hdf5|cxi)$/i.test(f.path) && !NOT_SCANS.includes(baseName(f.path))
    && !(OUTPUT_PRODUCTS.includes(baseName(f.path)) && outputDirs.has(dirOf(f.path))));
  const summary = named(RUN_FILES.summary), metrics = named(RUN_FILES.metrics);
  const metricsAll = visible.filter((f) => baseName(f.path) === RUN_FILES.metrics);
  return {
    reconstructions, models, scans, metricsAll,
    ...(summary ? { summary } : {}), ...(historyFile ? { history: historyFile } : {}), ...(metrics ? { metrics } : {}), ...(runConfig ? { runConfig } : {}),
  };
}
