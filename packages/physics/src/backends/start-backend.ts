import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '../kernels/register-kernel-fills.js';
import { firstLine } from './first-line.js';

/**
 * What a {@link BackendLoader} loaded, in words: the text itself, or a function that says it once
 * the backend is ready (for what only the started backend knows, e.g. whether wasm got SIMD).
 */
export type BackendDescription = string | (() => string);

/**
 * Loads and configures the package(s) that register one tfjs backend (a dynamic import, wasm
 * binary paths, a device check), and resolves to what was loaded, in words.
 *
 * @throws Error saying why the backend cannot start here (package absent, no adapter, a software
 *   renderer, …); its first line becomes the attempt's reason
 */
export type BackendLoader = () => Promise<BackendDescription>;

/** How each backend an app can start is loaded: backend name → {@link BackendLoader}. The app's own. */
export type BackendLoaders<N extends string> = { readonly [K in N]: BackendLoader };

/** Options of {@link startBackend}. */
export interface StartBackendOptions<N extends string> {
  /**
   * Why, in words, when tfjs reports that backend `name` did not initialise (tfjs itself logs the
   * cause as a warning). Default: `did not initialise`.
   */
  readonly notInitialised?: (name: N) => string;
}

/** A started backend and why it is the one (SPEC §5: "the backend used, and why"). */
export interface StartedBackend {
  /** The tfjs backend name in use (`tensorflow`, `wasm`, `cpu`, `webgpu`, `webgl`). */
  readonly name: string;
  /** Why this one: each attempt and its outcome, in order, joined by `; then `. */
  readonly reason: string;
}

/** Thrown by {@link startFirstBackend} when no backend of the order starts. */
export class NoBackendStartedError extends Error {
  /** Each attempt and why it failed (`<name> unavailable (<why>)`), in order. */
  readonly attempts: readonly string[];

  constructor(attempts: readonly string[]) {
    super(`no backend started: ${attempts.join('; ')}`);
    this.attempts = attempts;
  }
}

/**
 * Start tfjs backend `name` and activate it: the one start-up (SPEC §5) that the CLI, workers, tests
 * and the web app share, each with its own loaders (`@ptychojs/physics/node` for Node; the web
 * worker's for the browser). Runs the backend's loader, registers {@link registerKernelFills} on
 * it, `tf.setBackend`, `tf.ready`, and says what started. Choosing which backend is the caller's
 * business; starting it once per process is too.
 *
 * @returns what was started, in words (the loader's description)
 * @throws Error saying why the backend is unavailable: the loader's error, or tfjs's when the
 *   backend did not initialise
 */
export async function startBackend<N extends string>(name: N, loaders: BackendLoaders<N>, opts: StartBackendOptions<N> = {}): Promise<string> {
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (load === undefined) throw new Error(`unknown backend '${String(name)}'`);
  const description = await load();
  registerKernelFills(name);
  if (!(await tf.setBackend(name))) throw new Error(opts.notInitialised?.(name) ?? 'did not initialise');
  await tf.ready();
  return typeof description === 'function' ? description() : description;
}

/**
 * Start the first backend of `order` that starts, with `start` (e.g. {@link startBackend} with the
 * app's loaders), and say why: the fallback order with the reasons, e.g.
 * `tensorflow unavailable (…); then wasm (SIMD, single thread) with ptychojs kernel fills`. The order
 * is the caller's policy (SPEC §5: the CLI's `auto` is tensorflow, wasm, cpu; the web app's is
 * webgpu, webgl, wasm); this function only tries them.
 *
 * @param start starts and activates one backend, resolving to what started, in words
 * @throws NoBackendStartedError naming every attempt and why it failed when none starts
 */
export async function startFirstBackend<N extends string>(order: readonly N[], start: (name: N) => Promise<string>): Promise<StartedBackend> {
  const notes: string[] = [];
  for (const name of order) {
    try {
      notes.push(await start(name));
      return { name: tf.getBackend(), reason: notes.join('; then ') };
    } catch (e) {
      notes.push(`${name} unavailable (${firstLine(e)})`);
    }
  }
  throw new NoBackendStartedError(notes);
}
