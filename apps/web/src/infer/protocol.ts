import type { StartedBackend } from '@ptychojs/physics/backends';
import type { Compatibility } from '@ptychojs/pipeline';

/** The tfjs backends the web app tries, in its order of preference (SPEC §5 "Web"). */
export const WEB_BACKENDS = ['webgpu', 'webgl', 'wasm'] as const;
export type WebBackend = (typeof WEB_BACKENDS)[number];

/** What the worker reconstructs from: the model folder, its run's config, probe and card, a raw scan. */
export interface InferRequest {
  /** The model (run) directory as the page names it (`pre`, `out/train`): the refusal names it, as `ptycho infer --model DIR` does. */
  readonly modelDir: string;
  readonly modelJson: { readonly path: string; readonly text: string };
  /** Weight shards by file name (as listed in model.json's weightsManifest). */
  readonly shards: Readonly<Record<string, ArrayBuffer>>;
  readonly runConfig: { readonly path: string; readonly text: string };
  /** The run's `probe.npz` (the model probe) that the scan's probe is compared with. */
  readonly probe: { readonly path: string; readonly bytes: ArrayBuffer };
  /** The run's `model-card.json`; absent in directories of earlier versions (the card is then derived, as the CLI does). */
  readonly modelCard?: { readonly path: string; readonly text: string };
  /** The run's `history.json`, for the card derived without model-card.json. */
  readonly history?: { readonly path: string; readonly text: string };
  /** Reconstruct even when the compatibility check refuses (the CLI's `--force`). */
  readonly force: boolean;
  readonly scan: { readonly path: string; readonly bytes: ArrayBuffer };
  /** The ptychodus product with the positions of a diffraction-only scan (the CLI's `--positions`). */
  positions?: { readonly path: string; readonly bytes: ArrayBuffer };
  /** Groups per forward pass (the CLI's `run` uses 64). */
  readonly batchSize: number;
}

/**
 * A finished reconstruction with the compatibility check's verdict, or the error in the CLI's
 * words: a refusal of the check (then `compatibility` says why; reconstruct again with `force`) or
 * any other error.
 */
export type InferResponse =
  | {
    readonly ok: true;
    /** The model checked against the scan before reconstructing (`checkModelCompatibility`, as `ptycho infer`). */
    readonly compatibility: Compatibility;
    /** `reconstruction.npz` bytes, the contract of SPEC §3 (`encodeReconstruction`). */
    readonly npz: Uint8Array;
    readonly H: number;
    readonly W: number;
    readonly canvasOrigin: readonly [number, number];
    readonly amplitude: Float32Array;
    readonly phase: Float32Array;
    readonly groups: number;
    readonly seconds: { readonly inference: number; readonly stitching: number };
  }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly problems: readonly string[] }; readonly compatibility?: Compatibility };

/** The worker's API, through comlink. */
export interface InferWorkerApi {
  /** Start the first backend of `order` that works: the backend in use and why (each attempt and its outcome). */
  startBackend(order: readonly WebBackend[]): Promise<StartedBackend>;
  reconstruct(req: InferRequest, onProgress: (done: number, total: number) => void): Promise<InferResponse>;
}
