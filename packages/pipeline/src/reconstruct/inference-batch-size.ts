/**
 * Groups per forward pass when a network reconstructs a scan — `ptycho infer` (its `--batch-size`
 * default), `run`, the test-scan and half-scan reconstructions, pretraining's held-out scoring and
 * the web app. It bounds the memory of a pass.
 */
export const INFERENCE_BATCH_SIZE = 64;
