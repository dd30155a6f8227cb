import type { Reporter } from '../reporter.js';

/** A {@link Reporter} that shows nothing (tests). */
export const silentReporter: Reporter = {
  info() {},
  warn() {},
  progress: () => ({ update() {}, setTotal() {}, stop() {} }),
};
