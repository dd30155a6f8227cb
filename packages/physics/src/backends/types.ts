/** The tfjs backends ptychojs knows how to start (SPEC §5), for option lists and checks. */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu', 'webgpu'] as const;

/** One of {@link BACKEND_NAMES}. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The backend in use after {@link selectBackend}, and why (SPEC §5: "the backend used, and why, is printed and stored"). */
export interface BackendInfo {
  /** The tfjs backend name in use (`tensorflow`, `wasm`, `cpu`, `webgpu`). */
  readonly name: string;
  /** Why this one: each attempt and its outcome, in order. */
  readonly reason: string;
  /** `@tensorflow/tfjs-core`'s version. */
  readonly tfjsVersion: string;
}
