import type { StartedBackend } from './start-backend.js';

/** The tfjs backends ptychojs knows how to start in Node (SPEC §5), for option lists and checks. */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu', 'webgpu'] as const;

/** One of {@link BACKEND_NAMES}. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The backend in use after `selectBackend`, and why (SPEC §5: "the backend used, and why, is printed and stored"). */
export interface BackendInfo extends StartedBackend {
  /** `@tensorflow/tfjs-core`'s version. */
  readonly tfjsVersion: string;
}
