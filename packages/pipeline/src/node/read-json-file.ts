import fs from 'node:fs';
import { InputError } from '@ptychojs/io';
import { parseJsonText } from '../run-dir/parse-json-text.js';

/**
 * @internal Read and parse a JSON file; `what` names it in the error (`the config file`).
 * @throws InputError naming the file when it cannot be read or is not valid JSON
 */
export function readJsonFile(file: string, what = 'the file'): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file });
  }
  return parseJsonText(text, file);
}
