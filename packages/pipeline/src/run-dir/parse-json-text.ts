import { InputError } from '@ptychojs/io';

/**
 * Parse a JSON file's text; the one wording of "not valid JSON" for the CLI's readers and the web
 * app (the same message for the same malformed file).
 * @throws InputError naming the file, with the parser's own message
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file });
  }
}
