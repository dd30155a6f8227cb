/**
 * A strict parser for the tiny subset of Python literals found in NPY headers (NEP 1): dicts,
 * tuples, lists, str, int, True/False/None. Never evaluates anything.
 */
export type PyValue = string | number | boolean | null | PyValue[] | PyTuple | PyDict;
/** A Python tuple (kept apart from lists so `shape` can be checked). */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}
/** A Python dict with string keys. */
export class PyDict {
  constructor(readonly entries: Map<string, PyValue>) {}
}

const MAX_DEPTH = 8;

/** Parse `text` as one Python literal; throws `SyntaxError` with the offending position. */
export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i} of ${JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)}`);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === "'" || c === '"') return str(c);
    if (c === '{') return dict(depth);
    if (c === '(' || c === '[') return seq(depth, c === '(' ? ')' : ']');
    if (c !== undefined && /[0-9-]/.test(c)) {
      const m = /^-?[0-9]+L?/.exec(text.slice(i, i + 40));
      if (m === null) return fail('bad number');
      i += m[0].length;
      const n = Number(m[0].replace('L', ''));
      if (!Number.isSafeInteger(n)) fail('integer out of range');
      return n;
    }
    for (const [word, v] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return v;
      }
    }
    return fail('unexpected token');
  };
  const str = (q: string): string => {
    i++;
    let out = '';
    for (;;) {
      const c = text[i++];
      if (c === undefined) return fail('unterminated string');
      if (c === q) return out;
      if (c === '\\') {
        const e = text[i++];
        if (e === '\\' || e === "'" || e === '"') out += e;
        else if (e === 'n') out += '\n';
        else if (e === 't') out += '\t';
        else return fail('unsupported escape');
      } else out += c;
    }
  };
  const seq = (depth: number, close: string): PyValue => {
    i++;
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      ws();
      if (text[i] === close) { i++; break; }
      if (items.length > 0 && !trailingComma) fail(`expected ',' or '${close}'`);
      items.push(value(depth + 1));
      ws();
      trailingComma = text[i] === ',';
      if (trailingComma) i++;
    }
    return close === ')' ? new PyTuple(items) : items;
  };
  const dict = (depth: number): PyDict => {
    i++;
    const entries = new Map<string, PyValue>();
    let trailingComma = false;
    for (;;) {
      ws();
      if (text[i] === '}') { i++; break; }
      if (entries.size > 0 && !trailingComma) fail("expected ',' or '}'");
      const k = value(depth + 1);
      if (typeof k !== 'string') fail('dict keys must be strings');
      if (entries.has(k as string)) fail(`duplicate key '${String(k)}'`);
      ws();
      if (text[i] !== ':') fail("expected ':'");
      i++;
      entries.set(k as string, value(depth + 1));
      ws();
      trailingComma = text[i] === ',';
      if (trailingComma) i++;
    }
    return new PyDict(entries);
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}
