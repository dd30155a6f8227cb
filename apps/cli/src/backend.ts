/**
 * The CLI's `--backend` option (SPEC §5). Packages never pick a backend; this module turns the
 * option into an order of attempts, once, and `@ptychojs/physics/node` starts the first that
 * works (loading its package and registering our kernel fills) and says why. `auto`: tfjs-node-gpu,
 * then tfjs-node (optional, guarded dynamic imports: absent or throwing both fall back), then wasm
 * (SIMD) with our kernel fills, then cpu.
 */
import { InputError, isInputError } from '@ptychojs/io';
import { BACKEND_NAMES, type BackendInfo as StartedBackend, type BackendName } from '@ptychojs/physics/backends';
import { selectBackend as startFirst } from '@ptychojs/physics/node';

export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface BackendInfo extends StartedBackend {
  /** What was asked for. */
  readonly requested: BackendChoice;
}

/** The CLI's `auto`: native TensorFlow when installed, else wasm with our kernel fills, else cpu. */
const AUTO_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** Initialise the requested backend. A forced backend that cannot start is an `InputError` (exit 2). */
export async function selectBackend(requested: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(requested)) {
    throw new InputError('unknown backend', { key: '--backend', expected: BACKEND_CHOICES.join('|'), actual: String(requested) });
  }
  try {
    return { ...(await startFirst(requested === 'auto' ? AUTO_ORDER : [requested])), requested };
  } catch (e) {
    if (!isInputError(e)) throw e;
    throw new InputError('backend unavailable', { key: '--backend', expected: `a working ${requested} backend`, actual: e.actual });
  }
}
