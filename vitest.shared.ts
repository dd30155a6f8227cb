import path from 'node:path';
import { defineConfig, type ViteUserConfig as UserConfig } from 'vitest/config';

const root = import.meta.dirname;
const libs = ['io', 'grouping', 'physics', 'model', 'stitching', 'metrics', 'pipeline'].join('|');

/**
 * One vitest configuration for every project: workspace packages resolve to their TypeScript
 * sources (no build needed to test), tests live beside the code, and numeric tests get room.
 */
export function sharedConfig(projectDir: string, extra: UserConfig = {}): UserConfig {
  return defineConfig({
    root: projectDir,
    resolve: {
      alias: [
        { find: new RegExp(`^@ptychojs/(${libs})$`), replacement: path.join(root, 'packages/$1/src/index.ts') },
        { find: new RegExp(`^@ptychojs/(${libs})/([\\w-]+)$`), replacement: path.join(root, 'packages/$1/src/$2.ts') },
      ],
    },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      pool: 'forks',
      // `slow`: minutes each on CI's 2 cores (separate processes, browsers, software GPUs, long
      // training). `npm test` and CI run them; `npm run test:quick` (or `npx vitest run
      // --tags-filter='!slow'` in a package) leaves them out while developing.
      tags: [{ name: 'slow', description: 'minutes on 2 cores; npm run test:quick skips it', timeout: 600_000 }],
      ...extra.test,
    },
  });
}
