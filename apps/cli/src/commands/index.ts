import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerEpie } from './epie.js';
import { registerEvaluate } from './evaluate.js';
import { registerInfer } from './infer.js';
import { registerInspect } from './inspect.js';
import { registerPretrain } from './pretrain.js';
import { registerRun } from './run.js';
import { registerSimulate } from './simulate.js';
import { registerTrain } from './train.js';
import { registerView } from './view.js';

/** Every subcommand, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerInspect, registerSimulate, registerTrain, registerPretrain, registerInfer, registerEvaluate, registerEpie, registerRun, registerDemo, registerView];
