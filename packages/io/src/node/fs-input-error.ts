import { InputError } from '../errors.js';

/** @internal An fs error (ENOENT, EACCES, EISDIR, …) as an InputError naming the file. */
export function fsInputError(e: unknown, file: string): InputError | Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory, expected a file',
    ENOTDIR: 'a parent of the path is not a directory', ELOOP: 'too many symbolic links', ENAMETOOLONG: 'path too long',
  };
  if (code !== undefined && why[code] !== undefined) return new InputError(`cannot read: ${why[code]} (${code})`, { file });
  return e instanceof Error ? e : new Error(String(e));
}
