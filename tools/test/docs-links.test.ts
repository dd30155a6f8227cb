import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps docs/ honest against the code and itself: links resolve, every `SPEC §N` the sources cite
// has its page (and every capitalized quoted heading exists on it), and every `ptycho` command and
// flag is in docs/cli.md. Reads files only: no build needed.

const root = path.resolve(import.meta.dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test-output', 'out']);

/** Files under `dir` (relative to the repo root) whose name passes `keep`, skipping build output and dot-folders. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) out.push(...walk(rel, keep));
    } else if (keep(e.name)) out.push(rel);
  }
  return out;
}

const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');

/** Markdown without fenced code blocks (a `#` line there is not a heading). */
function withoutFences(md: string): string {
  return md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** Markdown without fenced code blocks and inline code spans (links there are examples, not links). */
function prose(md: string): string {
  return withoutFences(md).replace(/`[^`\n]*`/g, '');
}

/** Headings as plain text, code spans kept without their backticks (`## 3. Data contracts` → `3. Data contracts`). */
function headings(md: string): string[] {
  return withoutFences(md).split('\n').flatMap((l) => {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
    return m ? [m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '')] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces → '-', repeats numbered. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const text of headings(md)) {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative link targets of a Markdown file: inline `[t](target)` and reference definitions `[t]: target`. */
function relativeLinks(md: string): string[] {
  const text = prose(md);
  const targets = [
    ...Array.from(text.matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), (m) => m[1]!),
    ...Array.from(text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm), (m) => m[1]!),
  ];
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

const docs = walk('docs', (n) => n.endsWith('.md'));
const readmes = ['README.md', ...walk('packages', (n) => n === 'README.md'), ...walk('apps', (n) => n === 'README.md')];
const sources = [...walk('packages', (n) => n.endsWith('.ts')), ...walk('apps', (n) => n.endsWith('.ts'))];

/** docs/N-*.md for section N, if there is one. */
function sectionPage(n: string): string | undefined {
  return docs.find((d) => path.dirname(d) === 'docs' && path.basename(d).startsWith(`${n}-`));
}

describe('docs/ and the READMEs', () => {
  it('finds the pages it checks', () => {
    expect(docs).toContain(path.join('docs', 'README.md'));
    expect(docs).toContain(path.join('docs', 'cli.md'));
    expect(readmes.length).toBeGreaterThanOrEqual(10);
    expect(sources.length).toBeGreaterThan(100);
  });

  it('every relative link resolves to an existing file, and every #anchor to a heading of it', () => {
    const broken: string[] = [];
    for (const file of [...docs, ...readmes]) {
      for (const target of relativeLinks(read(file))) {
        const [p, hash] = target.split('#', 2) as [string, string | undefined];
        const dest = p === '' ? file : path.normalize(path.join(path.dirname(file), decodeURIComponent(p)));
        if (!fs.existsSync(path.join(root, dest))) { broken.push(`${file}: ${target} (no ${dest})`); continue; }
        if (hash && dest.endsWith('.md') && !anchors(read(dest)).has(hash.toLowerCase())) broken.push(`${file}: ${target} (no heading #${hash} in ${dest})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every package and app README links the docs/ section it implements', () => {
    const missing = readmes.filter((f) => f !== 'README.md').filter((f) => !relativeLinks(read(f)).some((t) => /(^|\/)docs\/\d-[\w-]+\.md/.test(t)));
    expect(missing).toEqual([]);
    expect(relativeLinks(read('README.md'))).toContain('docs/README.md');
  });
});

describe('SPEC § references in the sources', () => {
  // `SPEC §3`, `SPEC §2–§3`, `SPEC §1, §3`: every section number after "SPEC".
  const cited = new Map<string, string>(); // section → first file citing it
  const named: { section: string; name: string; file: string }[] = [];
  for (const file of sources) {
    const text = read(file);
    for (const m of text.matchAll(/SPEC\s+((?:§\d+(?:\s*(?:,|–|-|and)\s*)?)+)/g)) {
      for (const n of m[1]!.matchAll(/§(\d+)/g)) if (!cited.has(n[1]!)) cited.set(n[1]!, file);
    }
    // `SPEC §3 "Grouping"`: a capitalized quoted name is a heading of that page.
    for (const m of text.matchAll(/SPEC §(\d+)(?:'s)? \\?"([A-Z][^"\\\n]*)\\?"/g)) named.push({ section: m[1]!, name: m[2]!, file });
  }

  it('cites sections (the scan found them)', () => {
    expect([...cited.keys()].sort()).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', '6']));
    expect(named.length).toBeGreaterThan(50);
  });

  it('every cited section N has a page docs/N-*.md', () => {
    const missing = [...cited].filter(([n]) => sectionPage(n) === undefined).map(([n, f]) => `§${n} (cited in ${f})`);
    expect(missing).toEqual([]);
  });

  it('every cited section name is a heading of its page', () => {
    const missing = named.filter(({ section, name }) => {
      const page = sectionPage(section);
      const word = new RegExp(`(^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu');
      return page === undefined || !headings(read(page)).some((h) => word.test(h));
    }).map(({ section, name, file }) => `§${section} "${name}" (cited in ${file})`);
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('docs/cli.md covers the ptycho command', () => {
  const dir = 'apps/cli/src';
  const index = read(`${dir}/commands/index.ts`);
  // The registered commands: `commands` lists registerX functions, each imported from its module.
  const list = /export const commands\b[\s\S]*?=\s*\[([^\]]*)\]/.exec(index)?.[1] ?? '';
  const registered = list.split(',').map((s) => s.trim()).filter(Boolean);
  const names = registered.map((fn) => {
    const mod = new RegExp(`import\\s*\\{[^}]*\\b${fn}\\b[^}]*\\}\\s*from\\s*'\\./([\\w-]+)\\.js'`).exec(index)?.[1];
    const source = mod === undefined ? '' : read(`${dir}/commands/${mod}.ts`);
    return /\.command\('([\w-]+)'\)/.exec(source)?.[1] ?? `${fn} (no .command('…') found)`;
  });
  const cli = read('docs/cli.md');

  it('reads every registered command', () => {
    expect(registered.length).toBeGreaterThanOrEqual(9);
    expect(names).toEqual(expect.arrayContaining(['inspect', 'simulate', 'train', 'infer', 'evaluate', 'epie', 'run', 'demo', 'view']));
  });

  it('has a section for every command', () => {
    const sections = new Set(headings(cli));
    expect(names.filter((n) => !sections.has(`ptycho ${n}`))).toEqual([]);
  });

  it('mentions every flag the CLI defines', () => {
    // Flag specs are string literals of their own: '--out <dir>', '--compare-epie [k]', '--json'.
    const flags = new Set<string>();
    for (const file of walk(dir, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const m of read(file).matchAll(/['"`](--[a-z](?:[a-z0-9-]*[a-z0-9])?)(?: <[^>]+>| \[[^\]]+\])?['"`]/g)) flags.add(m[1]!);
    }
    expect(flags.size).toBeGreaterThan(40);
    expect([...flags].filter((f) => !new RegExp(`${f}(?![a-z0-9-])`).test(cli)).sort()).toEqual([]);
  });
});
