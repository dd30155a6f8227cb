import { beforeAll, describe } from 'vitest';
import { ALL_TEST_BACKENDS, testBackendSkipReason, type TestBackend, useBackend } from './backends.js';

/**
 * Declare one suite per backend (STYLE §4, like tfjs's `describeWithFlags(…, ALL_ENVS)`):
 * `"<name> [cpu]"`, `"<name> [wasm]"`, `"<name> [tensorflow]"` and `"<name> [webgpu]"`, each
 * activating its backend in a `beforeAll`. tensorflow and webgpu are named skips unless requested
 * (`PTYCHO_TEST_TENSORFLOW=1`, `PTYCHO_TEST_WEBGPU=1`). Tests inside use the global
 * tfjs backend and should read tensors with `await t.data()` (WebGPU in Node has no `dataSync`).
 */
export function describeEachBackend(name: string, fn: (backend: TestBackend) => void, backends: readonly TestBackend[] = ALL_TEST_BACKENDS): void {
  for (const b of backends) {
    const title = `${name} [${b}]`;
    const skip = testBackendSkipReason(b);
    if (skip !== undefined) {
      describe.skip(`${title} (skipped: ${skip})`, () => fn(b));
      continue;
    }
    describe(title, () => {
      beforeAll(async () => {
        await useBackend(b);
      });
      fn(b);
    });
  }
}
