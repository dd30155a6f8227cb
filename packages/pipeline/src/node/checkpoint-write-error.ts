import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { CHECKPOINT_FILE } from '@ptychojs/model/node';

/**
 * @internal A checkpoint the store could not write (a full disk: ENOSPC, a quota, a read-only
 * disk), as bad input naming the checkpoint directory and saying what is left: the store keeps
 * the previous checkpoint (`fileCheckpointStore`), which `--resume` continues. Undefined for any
 * other error.
 */
export function checkpointWriteError(e: unknown, dir: string): InputError | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof err.code !== 'string' || err.path !== dir) return undefined;
  const why = /^[A-Z]+: ([^,]+)/.exec(err.message)?.[1] ?? err.code;
  const kept = fs.existsSync(path.join(dir, CHECKPOINT_FILE)) ? 'the previous checkpoint is kept: free space, then continue with --resume' : 'no checkpoint had been saved yet';
  return new InputError(`cannot write: ${why} (${err.code}); the checkpoint of this epoch was not saved, ${kept}`, { file: dir });
}
