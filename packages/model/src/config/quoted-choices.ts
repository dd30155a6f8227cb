/**
 * `'a', 'b' or 'c'`: the choices of an enum setting, as its error messages and help name them.
 * @param values the choices, in the order to list them
 */
export function quotedChoices(values: readonly string[]): string {
  const q = values.map((v) => `'${v}'`);
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
}
