/** The tfjs backends the web app tries, in its order of preference (SPEC §5 "Web"). */
export const WEB_BACKENDS = ['webgpu', 'webgl', 'wasm'] as const;
export type WebBackend = (typeof WEB_BACKENDS)[number];

/** What the worker reconstructs from: the model folder, its run's config, a raw scan. */
export interface InferRequest {
  readonly modelJson: { readonly path: string; readonly text: string };
  /** Weight shards by file name (as listed in model.json's weightsManifest). */
  readonly shards: Readonly<Record<string, ArrayBuffer>>;
  readonly runConfig: { readonly path: string; readonly text: string };
  readonly scan: { readonly path: string; readonly bytes: ArrayBuffer };
  /** The ptychodus product with the positions of a diffraction-only scan (the CLI's `--positions`). */
  positions?: { readonly path: string; readonly bytes: ArrayBuffer };
  /** Groups per forward pass (the CLI's `run` uses 64). */
  readonly batchSize: number;
}

/** A finished reconstruction, or the error in the CLI's words. */
export type InferResponse =
  | {
    readonly ok: true;
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
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly problems: readonly string[] } };

/** The backend in use and why (each attempt and its outcome). */
export interface BackendChoice { readonly name: string; readonly reason: string }

/** The worker's API, through comlink. */
export interface InferWorkerApi {
  /** Start the first backend of `order` that works. */
  startBackend(order: readonly WebBackend[]): Promise<BackendChoice>;
  reconstruct(req: InferRequest, onProgress: (done: number, total: number) => void): Promise<InferResponse>;
}
