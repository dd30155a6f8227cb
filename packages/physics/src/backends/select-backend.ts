import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { firstLine } from './first-line.js';
import type { BackendInfo, BackendName } from './types.js';
import { useBackend } from './use-backend.js';

/**
 * Activate the first backend of `order` that starts ({@link useBackend}), and say why. The order
 * is the caller's policy (SPEC §5: the CLI's `auto` is tensorflow, wasm, cpu; a browser's is
 * webgpu, webgl, wasm); this function only tries them.
 *
 * @throws InputError (key `backend`, `actual` = every attempt and why it failed) when none starts
 */
export async function selectBackend(order: readonly BackendName[]): Promise<BackendInfo> {
  const notes: string[] = [];
  for (const name of order) {
    try {
      notes.push(await useBackend(name));
      return { name: tf.getBackend(), reason: notes.join('; then '), tfjsVersion: tf.version_core };
    } catch (e) {
      notes.push(`${name} unavailable (${firstLine(e)})`);
    }
  }
  throw new InputError('backend unavailable', { key: 'backend', expected: `a working backend among ${order.join(', ')}`, actual: notes.join('; ') });
}
