import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Write `value` as pretty-printed JSON (2-space indent, trailing newline) atomically (SPEC §1).
 * @throws TypeError for values JSON cannot represent (undefined at top level, BigInt, cycles).
 */
export function writeJsonAtomic(path: string, value: unknown): void {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new TypeError(`writeJsonAtomic: ${typeof value} is not representable as JSON`);
  writeFileAtomic(path, text + '\n');
}
