import type { Command } from 'commander';
import { registerInspect } from './inspect.js';

/** Every subcommand, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerInspect];
