import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { NoBackendStartedError, startFirstBackend } from '../backends/start-backend.js';
import type { BackendInfo, BackendName } from '../backends/types.js';
import { useBackend } from './use-backend.js';

/**
 * Activate the first backend of `order` that starts ({@link useBackend}), and say why
 * ({@link startFirstBackend}: each attempt and its outcome). The order is the caller's policy
 * (SPEC §5: the CLI's `auto` is tensorflow, wasm, cpu); this function only tries them.
 *
 * @throws InputError (key `backend`, `actual` = every attempt and why it failed) when none starts
 */
export async function selectBackend(order: readonly BackendName[]): Promise<BackendInfo> {
  try {
    return { ...(await startFirstBackend(order, useBackend)), tfjsVersion: tf.version_core };
  } catch (e) {
    if (!(e instanceof NoBackendStartedError)) throw e;
    throw new InputError('backend unavailable', { key: 'backend', expected: `a working backend among ${order.join(', ')}`, actual: e.attempts.join('; ') });
  }
}
