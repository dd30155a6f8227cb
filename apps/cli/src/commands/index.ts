import type { Command } from 'commander';
import { registerEvaluate } from './evaluate.js';
import { registerInspect } from './inspect.js';

/** Every subcommand, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerInspect, registerEvaluate];
