// Lint for the whole workspace. Module boundaries follow SPEC §2: each stage package may depend
// only on the packages in its row of the table; the pipeline package (the glue between the stages
// that both apps call) on every stage package and no app; apps may use everything, except that the
// web app never reaches Node-only code (the `*/node` entry points and Node built-ins).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'url', 'zlib', 'stream', 'child_process', 'worker_threads', 'crypto', 'module', 'process', 'util', 'events', 'http', 'net'];
const nodeOnlyImports = {
  patterns: [
    { group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)], message: 'Node built-ins belong in a Node entry point (src/node.ts or src/node/**), not in browser-safe code.' },
    { group: ['@ptychojs/*/node'], message: 'Node-only entry points are not available to browser-safe code.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/vitest.config.ts', 'vitest.shared.ts', 'bench/out', '**/*.mjs', '**/*.cjs', 'apps/web/public'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app'] },
            { sourceTag: 'scope:io', onlyDependOnLibsWithTags: ['scope:io'] },
            { sourceTag: 'scope:grouping', onlyDependOnLibsWithTags: ['scope:io'] },
            { sourceTag: 'scope:physics', onlyDependOnLibsWithTags: ['scope:io'] },
            { sourceTag: 'scope:model', onlyDependOnLibsWithTags: ['scope:io', 'scope:physics'] },
            { sourceTag: 'scope:stitching', onlyDependOnLibsWithTags: ['scope:io'] },
            { sourceTag: 'scope:metrics', onlyDependOnLibsWithTags: ['scope:io'] },
            { sourceTag: 'scope:pipeline', onlyDependOnLibsWithTags: ['scope:io', 'scope:grouping', 'scope:physics', 'scope:model', 'scope:stitching', 'scope:metrics'] },
            { sourceTag: 'platform:universal', onlyDependOnLibsWithTags: ['platform:universal'] },
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:universal'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Browser-safe sources: stage packages (except their Node entry points and tests) and the web app.
    files: ['packages/*/src/**/*.ts', 'apps/web/src/**/*.ts'],
    ignores: ['packages/*/src/node.ts', 'packages/*/src/node/**', '**/*.test.ts', '**/test/**'],
    rules: { 'no-restricted-imports': ['error', nodeOnlyImports] },
  },
);
