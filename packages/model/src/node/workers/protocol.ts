/**
 * Messages between `WorkerGroup` and `ptycho-worker` (internal). Every request carries an id; the
 * worker answers each with the same id, `ok` and a result, or the error it threw.
 */
import type { KernelFillOptions } from '@ptychojs/physics/kernels';

/** What every ptycho worker is started with. */
export interface PtychoWorkerData {
  /** tfjs backend to start in the worker (`wasm`, `cpu`, …). */
  readonly backend: string;
  readonly kernelFills?: KernelFillOptions;
  /** 0-based index in its group, and the group's size (for messages). */
  readonly index: number;
  readonly count: number;
}

export interface WorkerRequest {
  readonly id: number;
  readonly op: string;
  readonly args: unknown;
}

/** An error as it crosses the thread boundary: its class name, message, stack and own fields. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };
