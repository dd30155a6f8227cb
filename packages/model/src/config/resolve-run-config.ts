import { InputError, type InputErrorDetails } from '@ptychojs/io';
import { LOSS_WEIGHTS } from './loss-weights.js';
import { looseBoolean } from './loose-boolean.js';
import { RUN_CONFIG_FIELDS, runConfigSchema, type RunConfig, type RunConfigKey } from './run-config.js';

/** Names used by PtychoPINN configs or common spellings that are not a separator variant of ours. */
const EXTRA_ALIASES: Readonly<Record<string, RunConfigKey>> = {
  learningrate: 'lr',
  nepochs: 'epochs',
  gaussiansmoothingsigma: 'smoothingSigma',
  sigma: 'smoothingSigma',
  jitter: 'positionJitter',
  intensityscaletrainable: 'intensityScaleTrainable',
  ngroups: 'nGroups',
};

const squash = (k: string): string => k.replace(/^-+/, '').replace(/[-_.\s]/g, '').toLowerCase();

const CANONICAL = new Map<string, RunConfigKey>([
  ...(Object.keys(RUN_CONFIG_FIELDS) as RunConfigKey[]).map((k) => [squash(k), k] as const),
  ...Object.entries(EXTRA_ALIASES),
]);

export interface ResolveRunConfigOptions {
  /** Where the input came from (a config file path, `command line`), used in error messages. */
  readonly file?: string;
  /**
   * How the caller names a key in errors, e.g. `{ maxMinutes: '--max-minutes' }` for the settings
   * a CLI flag gave; other keys are named as the input spelled them.
   */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * Validate a loose run configuration into one frozen, fully-resolved {@link RunConfig}
 * (SPEC §3 defaults; STYLE §9). Accepts camelCase keys and their kebab/snake/dotted spellings
 * (`batch-size`, `n_filters_scale`, `object.big`, `--epochs`), string values from CLI flags
 * (`'16'`, `'false'`), and `undefined` for "not given". Absent keys take
 * {@link RUN_CONFIG_DEFAULTS}.
 *
 * @throws InputError naming the key, the expected value and the actual one; `problems` lists every
 *   problem found.
 */
export function resolveRunConfig(input: unknown = {}, options: ResolveRunConfigOptions = {}): RunConfig {
  const file = options.file;
  const name = (key: string): string => options.names?.[key] ?? key;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputError('a run configuration must be an object', { file, expected: 'an object of settings', actual: describe(input) });
  }
  const errors: Problem[] = [];
  const canonical: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(input)) {
    if (rawValue === undefined) continue;
    let value = rawValue;
    let key = CANONICAL.get(squash(rawKey));
    if (key === undefined && squash(rawKey) === 'probebig') {
      // PtychoPINN's probe.big: its border branch on or off.
      const on = looseBoolean(value);
      if (typeof on !== 'boolean') {
        errors.push(problem(`invalid value for '${rawKey}'`, { file, key: rawKey, expected: 'boolean', actual: describe(value) }));
        continue;
      }
      key = 'objectExtent';
      value = on ? 'border' : 'center';
    }
    if (key === undefined) {
      const hint = suggest(rawKey);
      errors.push(problem(`unknown setting${hint ? ` (did you mean '${hint}'?)` : ''}`, {
        file, key: rawKey, expected: `one of ${Object.keys(RUN_CONFIG_FIELDS).join(', ')}`, actual: describe(value),
      }));
      continue;
    }
    if (key in canonical && canonical[key] !== value) {
      errors.push(problem(`setting given twice ('${origin[key]}' and '${rawKey}') with different values`, {
        file, key, expected: 'one value', actual: `${describe(canonical[key])} and ${describe(value)}`,
      }));
      continue;
    }
    canonical[key] = value;
    origin[key] = rawKey;
  }

  const parsed = runConfigSchema.safeParse(canonical);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = RUN_CONFIG_FIELDS[key as RunConfigKey];
      errors.push(problem(`invalid value for '${options.names?.[key] ?? origin[key] ?? key}'`, {
        file, key: name(key), expected: field?.expected ?? issue.message, actual: describe(canonical[key]),
      }));
    }
  }
  if (errors.length === 0 && parsed.success) {
    const c = parsed.data;
    const C = c.gridsize * c.gridsize;
    if (c.K < C - 1) {
      errors.push(problem('K must offer at least C − 1 = gridsize² − 1 neighbours', {
        file, key: name('K'), expected: `integer ≥ ${C - 1} for gridsize ${c.gridsize}`, actual: String(c.K),
      }));
    }
    const weightKeys = Object.values(LOSS_WEIGHTS);
    if (weightKeys.reduce((sum, k) => sum + c[k], 0) <= 0) {
      errors.push(problem('every loss weight is zero: nothing to train', {
        file, key: name(weightKeys[0]!), expected: `at least one of ${weightKeys.join(', ')} > 0`, actual: 'all 0',
      }));
    }
    if (c.minLr > c.lr) {
      errors.push(problem('the learning-rate floor exceeds the learning rate', {
        file, key: name('minLr'), expected: `number ≤ lr (${c.lr})`, actual: String(c.minLr),
      }));
    }
  }
  const first = errors[0];
  if (first !== undefined) {
    throw new InputError(first.message, first.details, errors.map((e) => new InputError(e.message, e.details).message));
  }
  return Object.freeze({ ...parsed.data! }) as RunConfig;
}

interface Problem {
  readonly message: string;
  readonly details: InputErrorDetails;
}

const problem = (message: string, details: InputErrorDetails): Problem => ({ message, details });

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `array of ${v.length}`;
  return typeof v;
}

/** Closest canonical key by edit distance on the squashed spelling, if close enough. */
function suggest(rawKey: string): string | undefined {
  const s = squash(rawKey);
  let best: string | undefined;
  let bestD = Infinity;
  for (const [alias, key] of CANONICAL) {
    const dist = editDistance(s, alias);
    if (dist < bestD) { bestD = dist; best = key; }
  }
  return bestD <= Math.max(2, Math.floor(s.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
