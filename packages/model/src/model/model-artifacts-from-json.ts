import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';

/**
 * A saved model's artifacts from its parsed `model.json` and a reader of the weight shards it
 * lists (tfjs layers format: `modelTopology` + `weightsManifest`), the shards concatenated in
 * manifest order. The one reading of a model folder for Node (`fileModelHandler`) and the browser
 * (the web app's worker); each supplies how a shard path is read.
 *
 * @param json the parsed model.json (anything: it is checked)
 * @param file model.json's path, for messages
 * @param readShard reads one shard by the path the manifest gives; throws an `InputError` naming it when absent
 * @throws InputError when model.json is not a tfjs layers model
 */
export function modelArtifactsFromJson(json: unknown, file: string, readShard: (path: string) => Promise<Uint8Array>): Promise<tf.io.ModelArtifacts> {
  const m = json as tf.io.ModelJSON | null;
  if (m === null || typeof m !== 'object' || m.modelTopology === undefined || !Array.isArray(m.weightsManifest)) {
    throw new InputError('model.json lacks modelTopology or weightsManifest', { file, key: 'weightsManifest', expected: 'a tfjs layers model', actual: m === null || typeof m !== 'object' ? String(m) : Object.keys(m).join(', ') });
  }
  return tf.io.getModelArtifactsForJSON(m, async (manifest) => {
    const specs: tf.io.WeightsManifestEntry[] = [];
    const pieces: Uint8Array[] = [];
    for (const group of manifest) {
      specs.push(...group.weights);
      for (const p of group.paths) pieces.push(await readShard(p));
    }
    const buf = new Uint8Array(pieces.reduce((s, p) => s + p.byteLength, 0));
    let off = 0;
    for (const p of pieces) { buf.set(p, off); off += p.byteLength; }
    return [specs, buf.buffer];
  });
}
