import { beforeAll, describe } from 'vitest';
import { ALL_TEST_BACKENDS, type TestBackend, useBackend, webgpuRequested } from './backends.js';

/**
 * Declare one suite per backend (STYLE §4, like tfjs's `describeWithFlags(…, ALL_ENVS)`):
 * `"<name> [cpu]"`, `"<name> [wasm]"`, and `"<name> [webgpu]"`, each activating its backend in a
 * `beforeAll`. WebGPU is a named skip unless `PTYCHO_TEST_WEBGPU=1`. Tests inside use the global
 * tfjs backend and should read tensors with `await t.data()` (WebGPU in Node has no `dataSync`).
 */
export function describeEachBackend(name: string, fn: (backend: TestBackend) => void, backends: readonly TestBackend[] = ALL_TEST_BACKENDS): void {
  for (const b of backends) {
    const title = `${name} [${b}]`;
    if (b === 'webgpu' && !webgpuRequested()) {
      describe.skip(`${title} (skipped: set PTYCHO_TEST_WEBGPU=1)`, () => fn(b));
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
