import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every non-test .ts file under packages/<p>/src and apps/<a>/src. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  for (const group of ['packages', 'apps']) {
    for (const name of fs.readdirSync(path.join(root, group))) {
      const src = path.join(root, group, name, 'src');
      if (fs.existsSync(src)) walk(src);
    }
  }
  return files;
}

/** The files `file` imports or re-exports by a relative path, type-only imports included. */
function relativeImports(file: string, source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)) {
    const target = path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts');
    const index = target.replace(/\.ts$/, '/index.ts');
    out.push(!fs.existsSync(target) && fs.existsSync(index) ? index : target);
  }
  return out;
}

/** Strongly connected components of more than one file (Tarjan), each as repo-relative paths. */
function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(root, w));
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * The rooms of each package and app (the folders right under its src/, e.g. pipeline's `scan/`,
 * `prepare/`, `model-card/`) and the rooms each imports from by relative paths, type-only imports
 * included; files at the root of src/ (entry points, shared types) belong to no room.
 */
function roomGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const roomOf = (file: string): string | undefined => {
    const parts = path.relative(root, file).split(path.sep); // packages/<name>/src/<room>/…
    return parts.length > 4 && parts[2] === 'src' ? path.join(root, ...parts.slice(0, 4)) : undefined;
  };
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = roomOf(file);
    if (from === undefined) continue;
    const to = graph.get(from) ?? new Set<string>();
    graph.set(from, to);
    for (const target of relativeImports(file, read(file))) {
      const room = roomOf(target);
      if (room !== undefined && room !== from) to.add(room);
    }
  }
  return new Map([...graph].map(([room, to]) => [room, [...to]]));
}

describe('import circles (issue 20)', () => {
  it('no source file reaches itself through relative imports, type-only imports included', () => {
    const files = sourceFiles();
    const graph = new Map(files.map((f) => [f, relativeImports(f, fs.readFileSync(f, 'utf8'))]));
    expect(files.length).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });

  it('no room of a package or app imports upward: in each, the rooms import one another without a circle', () => {
    const files = sourceFiles();
    const projects = [...new Set(files.map((f) => path.relative(root, f).split(path.sep).slice(0, 2).join('/')))];
    expect(projects).toEqual(expect.arrayContaining(['packages/pipeline', 'packages/model', 'apps/cli']));
    const circles = projects.flatMap((project) => {
      const src = path.join(root, project, 'src') + path.sep;
      return importCycles(roomGraph(files.filter((f) => f.startsWith(src)), (f) => fs.readFileSync(f, 'utf8')));
    });
    expect(circles).toEqual([]);
  });

  it('finds a circle of rooms that no file circle shows (prepare → model-card → pretrain → prepare)', () => {
    const src = path.join(root, 'packages/x/src');
    const sources = new Map([
      [path.join(src, 'prepare/a.ts'), "import { c } from '../model-card/c.js';\n"],
      [path.join(src, 'model-card/c.ts'), "import type { D } from '../pretrain/d.js';\n"],
      [path.join(src, 'pretrain/d.ts'), "import { b } from '../prepare/b.js';\n"],
      [path.join(src, 'prepare/b.ts'), 'export const b = 1;\n'],
      [path.join(src, 'index.ts'), "export * from './prepare/a.js';\n"],
    ]);
    const files = [...sources.keys()];
    expect(importCycles(new Map(files.map((f) => [f, relativeImports(f, sources.get(f)!)])))).toEqual([]);
    expect(importCycles(roomGraph(files, (f) => sources.get(f)!))).toEqual([['packages/x/src/model-card', 'packages/x/src/prepare', 'packages/x/src/pretrain']]);
  });

  it('finds a circle of two files, and one that runs through a type-only import', () => {
    const a = path.join(root, 'packages/x/src/a.ts');
    const b = path.join(root, 'packages/x/src/b.ts');
    const c = path.join(root, 'packages/x/src/c.ts');
    const graph = new Map([
      [a, relativeImports(a, "import { b } from './b.js';\n")],
      [b, relativeImports(b, "import type { A } from './a.js';\nexport { c } from './c.js';\n")],
      [c, relativeImports(c, 'export const c = 1;\n')],
    ]);
    expect(importCycles(graph)).toEqual([['packages/x/src/a.ts', 'packages/x/src/b.ts']]);
  });
});
