import * as tf from '@tensorflow/tfjs-core';

// Held in a variable so that TypeScript does not require this optional package.
const LAYERS = '@tensorflow/tfjs-layers';

let gradients: Promise<void> | undefined;

/**
 * Make sure tfjs-core's gradient registry is filled. `@tensorflow/tfjs-core`'s Node bundle
 * registers no gradients (they live in `dist/register_all_gradients`, an ESM-only file that Node
 * cannot load from the CJS package); `@tensorflow/tfjs-layers` registers all of them on import,
 * as `@tensorflow/tfjs` does. Production code gets them from tfjs-layers (the model package);
 * physics tests import it here.
 *
 * @throws Error when importing tfjs-layers did not register them
 */
export function ensureGradients(): Promise<void> {
  gradients ??= (async () => {
    if (tf.getGradient('Sum') !== undefined && tf.getGradient('BatchMatMul') !== undefined) return;
    await import(/* @vite-ignore */ LAYERS);
    if (tf.getGradient('Sum') === undefined) throw new Error(`gradients are not registered: importing ${LAYERS} did not register them`);
  })();
  return gradients;
}
