import { sharedConfig } from '../../vitest.shared.js';

// Unit tests beside the code (src/) and the end-to-end suite (e2e/: the built CLI and app in Chromium).
export default sharedConfig(import.meta.dirname, { test: { include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'] } });
