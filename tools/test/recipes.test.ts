import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const recipes = fs.readFileSync(path.join(root, 'docs/recipes.md'), 'utf8');

/**
 * Every repository path the page names in backticks: a path with a folder (`a/b.ts`, `docs/x/`),
 * or a root file (`knip.jsonc`, `README.md`); not placeholders (`<name>`), package names
 * (`@ptychojs/…`) or the names of files the commands write (`model.json`).
 */
function namedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const m of markdown.matchAll(/`([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.<>-]+)+\/?|[A-Za-z0-9_-]+\.(?:jsonc|md))`/g)) {
    const p = m[1]!;
    if (p.includes('<') || p.startsWith('@')) continue;
    paths.add(p);
  }
  return [...paths];
}

describe('docs/recipes.md (issue 20)', () => {
  it('names files that exist', () => {
    const paths = namedPaths(recipes);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });

  it('finds the paths in backticks and passes over placeholders and package names', () => {
    expect(namedPaths('`a/b.ts`, `docs/x/`, `knip.jsonc`, `model.json`, `apps/cli/src/commands/<name>.ts`, `@ptychojs/pipeline/node`, `RUN_FILES`')).toEqual(['a/b.ts', 'docs/x/', 'knip.jsonc']);
  });
});
