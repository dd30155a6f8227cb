/** The CLI's version, kept in step with apps/cli/package.json by a test. */
export const VERSION = '0.1.0';
