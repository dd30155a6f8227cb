/** The version of @ptychojs/pipeline, written into run directories; kept in step with package.json by a test. */
export const PIPELINE_VERSION = '0.1.0';
