import { createReplica } from './create-replica.js';
import type { ReplicaInit, TrainingEngine } from './training-engine.js';

/**
 * The training engine of one thread: a single replica on the active tfjs backend, stepping with
 * `optimizer.minimize` (the default of `train`). Browser-safe.
 */
export async function localTrainingEngine(init: ReplicaInit): Promise<TrainingEngine> {
  const replica = await createReplica(init);
  let done = false;
  return {
    replicas: 1,
    description: 'this thread',
    step: (batch, lr) => replica.step(batch, lr),
    evaluate: (batch) => replica.evaluate(batch),
    state: () => replica.state(),
    async finish() {
      done = true;
      return replica.release();
    },
    async dispose() {
      if (done) return;
      done = true;
      replica.dispose();
    },
  };
}
