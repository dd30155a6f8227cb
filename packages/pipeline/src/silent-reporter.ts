import type { Reporter } from './reporter.js';

/** A {@link Reporter} that shows nothing (tests, batch jobs, `--quiet`). */
export const silentReporter: Reporter = {
  info() {},
  warn() {},
  progress: () => ({ update() {}, setTotal() {}, stop() {} }),
};
