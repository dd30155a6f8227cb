/**
 * Node-only entry point of @ptychojs/pipeline (`@ptychojs/pipeline/node`): the pipeline steps
 * that read and write run directories, atomically (temp + rename), and refuse to overwrite.
 */
export { readRunDirConfig } from './node/read-run-dir-config.js';
export { readTrainingHistory } from './node/read-training-history.js';
export { readRunConfigFile } from './node/read-run-config-file.js';
export { checkRunDir } from './node/check-run-dir.js';
export { checkRunOut } from './node/check-run-out.js';
export { makeOutputDir } from './node/make-output-dir.js';
export { loadScan } from './node/load-scan.js';
export { checkScanFile, UNIFORM_CHECK_BYTES, type ScanFileOptions } from './node/check-scan-file.js';
export { defaultMemoryBudget } from './node/default-memory-budget.js';
export { storedFrameCache, type StoredFrameCacheOptions } from './node/stored-frame-cache.js';
export { writeProductFiles, type ProductFilesOptions } from './node/write-product-files.js';
export { trainToRunDir, type TrainRunResult, type TrainToRunDirOptions } from './node/train-to-run-dir.js';
export { writeReconstruction, type WrittenReconstruction } from './node/write-reconstruction.js';
export { svgToPng } from './node/svg-to-png.js';
export { selfConsistencyPngs, type SelfConsistencyPngs } from './node/self-consistency-pngs.js';
export { inferToDir, type InferResult, type InferToDirOptions } from './node/infer-to-dir.js';
export { epieToDir, type EpieToDirOptions, type EpieToDirResult } from './node/epie-to-dir.js';
export { simulateToFile, type SimulateToFileOptions } from './node/simulate-to-file.js';
export { evaluateAndWrite, type EvaluationOutputs } from './node/evaluate-and-write.js';
export { selfConsistencyToDir, type SelfConsistencyToDirOptions, type SelfConsistencyOutputs } from './node/self-consistency-to-dir.js';
export { modelSubsetReconstructor, type ModelSubsetReconstructor } from './node/model-subset-reconstructor.js';
export { reconstructTestScan } from './node/reconstruct-test-scan.js';
export { runPipeline, type RunPipelineOptions, type RunSummary } from './node/run-pipeline.js';
export { runDemo } from './node/run-demo.js';
export { pretrainToDir, type PretrainResult, type PretrainToDirOptions } from './node/pretrain-to-dir.js';
export { readModelCard, type ModelDirCard } from './node/read-model-card.js';
export { modelCompatibility } from './node/model-compatibility.js';
