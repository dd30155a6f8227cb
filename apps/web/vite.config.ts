import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The viewer is a static, offline bundle: relative asset paths (served by `ptycho view` or any
 * static server), everything bundled (no CDN), the tfjs wasm binaries emitted as assets
 * (`?url` imports in the worker), workspace packages compiled from their TypeScript sources.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  resolve: { conditions: ['@ptychojs/source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
});
