import type { Command } from 'commander';
import { registerEvaluate } from './evaluate.js';
import { registerInspect } from './inspect.js';
import { registerSimulate } from './simulate.js';

/** Every subcommand, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerInspect, registerSimulate, registerEvaluate];
