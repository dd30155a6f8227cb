/**
 * @ptychojs/pipeline — the pipeline between the stage packages, for the CLI and the browser
 * alike (SPEC §2: apps hold commands, options, printing and pages only): data preparation (model
 * probe, intensity scale, canvas), streamed reconstruction and stitching, the run-directory
 * formats with validated readers, scan summaries, evaluation records, images and the HTML report.
 * Browser-safe; everything that touches files is in `@ptychojs/pipeline/node`. Never picks a
 * tfjs backend.
 */
export type { BackendUsed, DiffractionReading, GroupingSettings, ScanIssueRecord, ScanProblem } from './types.js';
export type { Progress, ProgressOptions, Reporter } from './reporter.js';
export { jsonSafe } from './json-safe.js';
export { PIPELINE_VERSION } from './version.js';
export { INFERENCE_BATCH_SIZE } from './inference-batch-size.js';
export { RUN_FILES } from './run-files.js';
export { prepareTrainingData, type PreparedData } from './prepare-training-data.js';
export { prepareInference, type PreparedInference } from './prepare-inference.js';
export { reconstructScan, type PredictBatch, type ReconstructOptions, type ReconstructResult } from './reconstruct-scan.js';
export { reconstructWithModel, type ReconstructWithModelOptions } from './reconstruct-with-model.js';
export { runDirConfigSchema, type RunDirConfig } from './run-dir-config.js';
export { parseRunDirConfig } from './parse-run-dir-config.js';
export { parseJsonText } from './parse-json-text.js';
export { parseTrainingHistory } from './parse-training-history.js';
export { TrainingInterruptedError } from './training-interrupted-error.js';
export { resolveDose, type Dose } from './resolve-dose.js';
export { checkScan, type ScanCheck, type ScanCheckSettings } from './check-scan.js';
export { usableScan, type UsableScan } from './usable-scan.js';
export { scanInMemory } from './scan-in-memory.js';
export { frameCache, type FrameCache, type FrameCacheStats } from './frame-cache.js';
export { scanTruth } from './scan-truth.js';
export { formatScanIssue } from './format-scan-issue.js';
export { summarizeScan, type ScanSummary } from './summarize-scan.js';
export { truthFromArrays, type Truth } from './truth-from-arrays.js';
export { truthInFrame } from './truth-in-frame.js';
export { metricsRecord } from './metrics-record.js';
export { metricsTable } from './metrics-table.js';
export { metricsRows, type MetricsRow } from './metrics-rows.js';
export { formatMetric } from './format-metric.js';
export { parseMetricsRecord, type MetricsFile, type SelfConsistencyFile } from './parse-metrics-record.js';
export { parseRunSummary, type RunSummaryFile } from './parse-run-summary.js';
export { keyValueRows } from './key-value-rows.js';
export { chartSvg, type ChartSeries, type ChartSpec } from './charts/chart-svg.js';
export { lossCharts } from './charts/loss-charts.js';
export { frcChart, type FrcCurveData } from './charts/frc-chart.js';
export { frcPng } from './frc-png.js';
export { lossPng } from './loss-png.js';
export { epieCostPng } from './epie-cost-png.js';
export { amplitudePhasePngs } from './amplitude-phase-pngs.js';
export { reportHtml, type ReportInput } from './report-html.js';
export { methodsTableHtml } from './methods-table-html.js';
export type { MethodResult } from './method-result.js';
export { methodLabel } from './method-label.js';
export { rawSubset } from './raw-subset.js';
export { selfConsistency, type ReconstructSubset, type SelfConsistencyOptions, type SelfConsistencyResult } from './self-consistency.js';
export type { SelfConsistencyRecord, ResidualsRecord, HalfScanFrcRecord, FluenceRecord, ProbeRecord } from './self-consistency-record.js';
export { selfConsistencySummary, type SelfConsistencySummary } from './self-consistency-summary.js';
export { selfConsistencyPngs, type SelfConsistencyPngs } from './self-consistency-pngs.js';
export { selfConsistencyCharts, type SelfConsistencyChartData } from './charts/self-consistency-charts.js';
export { selfConsistencyHtml, type SelfConsistencySection } from './self-consistency-html.js';
export { epieSubsetReconstructor, type EpieSubsetSettings } from './epie-subset-reconstructor.js';
export { DEMO } from './demo-settings.js';
export { demoRunConfig } from './demo-run-config.js';
export { OBJECT_FAMILIES, pretrainSpecDefaults, pretrainSpecSchema, resolvePretrainSpec, type ObjectFamily, type PretrainSpec, type PretrainSpecInput, type Range } from './pretrain/pretrain-spec.js';
export { PRETRAIN_CONFIG_DEFAULTS, pretrainRunConfig } from './pretrain/pretrain-run-config.js';
export { simulatePretrainingScan, type PretrainScan, type PretrainScanSettings } from './pretrain/simulate-pretraining-scan.js';
export { pretrainingGroups } from './pretrain/pretraining-groups.js';
export { pretrainingStream, type PretrainingStream } from './pretrain/pretraining-stream.js';
export { scoreOnScans } from './pretrain/score-on-scans.js';
export { modelCardSchema, type ModelCard } from './model-card/model-card.js';
export { parseModelCard } from './model-card/parse-model-card.js';
export { modelCardFromRun, type ModelCardExtras } from './model-card/model-card-from-run.js';
export { modelDirCard, type ModelDirCard, type ModelDirFiles } from './model-card/model-dir-card.js';
export { modelCardWords } from './model-card/model-card-words.js';
export { probeFingerprint } from './model-card/probe-fingerprint.js';
export { checkModelCompatibility, assertCompatible, PROBE_REFUSE_BELOW, PROBE_WARN_BELOW, type Compatibility, type CompatibilityFinding } from './model-card/check-model-compatibility.js';
export { initModelConfig, STRUCTURAL_KEYS } from './init-model-config.js';
