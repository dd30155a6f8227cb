import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lint `code` as if it were the file at `file` (relative to the repo) and return the rule ids hit. */
async function rulesHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('module boundaries (SPEC §2) fail lint, and so npm test', () => {
  it('a stage package may not import a package outside its row (io → physics)', async () => {
    const hits = await rulesHit('packages/io/src/violation.ts', "import { x } from '@ptychojs/physics';\nexport const y = x;\n");
    expect(hits).toContain('@nx/enforce-module-boundaries');
  });

  it('grouping may not import physics, stitching may not import model', async () => {
    expect(await rulesHit('packages/grouping/src/violation.ts', "import { x } from '@ptychojs/physics';\nexport const y = x;\n")).toContain('@nx/enforce-module-boundaries');
    expect(await rulesHit('packages/stitching/src/violation.ts', "import { x } from '@ptychojs/model';\nexport const y = x;\n")).toContain('@nx/enforce-module-boundaries');
  });

  it('the pipeline package may use every stage package but no app, and no stage package may use the pipeline', async () => {
    expect(await rulesHit('packages/pipeline/src/ok.ts', "import { x } from '@ptychojs/model';\nimport { y } from '@ptychojs/stitching';\nexport const z = [x, y];\n")).not.toContain('@nx/enforce-module-boundaries');
    expect(await rulesHit('packages/pipeline/src/violation.ts', "import { x } from '@ptychojs/cli';\nexport const y = x;\n")).toContain('@nx/enforce-module-boundaries');
    expect(await rulesHit('packages/model/src/violation.ts', "import { x } from '@ptychojs/pipeline';\nexport const y = x;\n")).toContain('@nx/enforce-module-boundaries');
    expect(await rulesHit('packages/pipeline/src/violation.ts', "import fs from 'node:fs';\nexport const y = fs;\n")).toContain('no-restricted-imports');
    expect(await rulesHit('packages/pipeline/src/node/ok.ts', "import fs from 'node:fs';\nexport const y = fs;\n")).toEqual([]);
    expect(await rulesHit('apps/web/src/violation.ts', "import { x } from '@ptychojs/pipeline/node';\nexport const y = x;\n")).toContain('no-restricted-imports');
  });

  it('no package may import an app', async () => {
    expect(await rulesHit('packages/model/src/violation.ts', "import { x } from '@ptychojs/cli';\nexport const y = x;\n")).toContain('@nx/enforce-module-boundaries');
  });

  it('browser-safe code may not use Node built-ins or Node entry points', async () => {
    expect(await rulesHit('packages/physics/src/violation.ts', "import fs from 'node:fs';\nexport const y = fs;\n")).toContain('no-restricted-imports');
    expect(await rulesHit('apps/web/src/violation.ts', "import { x } from '@ptychojs/io/node';\nexport const y = x;\n")).toContain('no-restricted-imports');
  });

  it('allowed edges pass: model → physics, cli → everything, a Node entry point using fs', async () => {
    expect(await rulesHit('packages/model/src/ok.ts', "import { x } from '@ptychojs/physics';\nexport const y = x;\n")).not.toContain('@nx/enforce-module-boundaries');
    expect(await rulesHit('apps/cli/src/ok.ts', "import { x } from '@ptychojs/model';\nimport fs from 'node:fs';\nexport const y = [x, fs];\n")).toEqual([]);
    expect(await rulesHit('packages/io/src/node.ts', "import fs from 'node:fs';\nexport const y = fs;\n")).toEqual([]);
  });
});
