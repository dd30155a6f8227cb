import * as tf from '@tensorflow/tfjs-core';

/**
 * Run another registered kernel of the same backend from inside a kernel function
 * (`tf.getKernel(name, backend).kernelFunc(…)`, notes/tfjs-lab.md §1). The caller owns the
 * returned TensorInfo and releases temporaries with {@link releaseData}.
 */
export function callKernel(
  name: string,
  backendName: string,
  backend: tf.KernelBackend,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown>,
): tf.TensorInfo {
  const k = tf.getKernel(name, backendName);
  if (k === undefined) throw new Error(`kernel '${name}' is not registered for backend '${backendName}'`);
  const out = k.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap });
  return Array.isArray(out) ? out[0]! : out;
}

/** Release kernel temporaries (`backend.disposeData`, reference-counted). */
export function releaseData(backend: tf.KernelBackend, infos: readonly tf.TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}
