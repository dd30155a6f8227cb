/**
 * @ptychojs/pipeline — the pipeline between the stage packages, for the CLI and the browser
 * alike (SPEC §2: apps hold commands, options, printing and pages only): data preparation (model
 * probe, intensity scale, canvas), streamed reconstruction and stitching, the run-directory
 * formats with validated readers, scan summaries, evaluation records, images and the HTML report.
 * Browser-safe; everything that touches files is in `@ptychojs/pipeline/node`. Never picks a
 * tfjs backend.
 */
export type { BackendUsed, DiffractionReading, GroupingSettings, ScanIssueRecord, ScanProblem, SettingsOptions } from './types.js';
export type { Progress, ProgressOptions, Reporter } from './reporter.js';
export { jsonSafe } from './json-safe.js';
export { PIPELINE_VERSION } from './version.js';
export { INFERENCE_BATCH_SIZE } from './reconstruct/inference-batch-size.js';
export { INFERENCE_SETTINGS_DEFAULTS, resolveInferenceSettings, type InferenceSettings } from './reconstruct/inference-settings.js';
export { EPIE_SETTINGS_DEFAULTS, resolveEpieSettings, type EpieSettings } from './reconstruct/epie-settings.js';
export { fromFileName, NOISE_MODELS, resolveSimulationSettings, SIMULATION_OBJECTS, SIMULATION_PROBES, SIMULATION_SCANS, SIMULATION_SETTINGS_DEFAULTS, type FromFile, type SimulationSettings } from './simulate/simulation-settings.js';
export { simulationSpec, type ReadNpzArrays, type SimulationSpec } from './simulate/simulation-spec.js';
export { simulateFromSettings, type SimulatedFromSettings, type SimulateFromSettingsOptions } from './simulate/simulate-from-settings.js';
export { RUN_FILES } from './run-dir/run-files.js';
export { prepareTrainingData, type PreparedData } from './prepare/prepare-training-data.js';
export { prepareInference, type PreparedInference } from './prepare/prepare-inference.js';
export { reconstructScan, type PredictBatch, type ReconstructOptions, type ReconstructResult } from './reconstruct/reconstruct-scan.js';
export { reconstructWithModel, type ReconstructWithModelOptions } from './reconstruct/reconstruct-with-model.js';
export { runDirConfigSchema, type RunDirConfig } from './run-dir/run-dir-config.js';
export { parseRunDirConfig } from './run-dir/parse-run-dir-config.js';
export { parseJsonText } from './run-dir/parse-json-text.js';
export { parseTrainingHistory } from './run-dir/parse-training-history.js';
export { TrainingInterruptedError } from './training-interrupted-error.js';
export { resolveDose, type Dose } from './prepare/resolve-dose.js';
export { checkScan, SCAN_NEEDS, type ScanCheck, type ScanCheckSettings, type ScanCommand } from './scan/check-scan.js';
export { assessScan } from './scan/assess-scan.js';
export type { AssessScanSettings, EvaluationOutlook, ScanAssessment, ScanNeeds, ScanStats, ScanToAssess } from './scan/assess/types.js';
export type { ScanIssue, ScanIssueCode } from './scan/scan-issue.js';
export { usableScan, type UsableScan } from './scan/usable-scan.js';
export { scanInMemory } from './scan/scan-in-memory.js';
export { frameCache, type FrameCache, type FrameCacheStats } from './scan/frame-cache.js';
export { scanTruth } from './scan/scan-truth.js';
export { formatScanIssue } from './scan/format-scan-issue.js';
export { summarizeScan, type ScanSummary } from './scan/summarize-scan.js';
export { truthFromArrays, type Truth } from './scan/truth-from-arrays.js';
export { truthInFrame } from './scan/truth-in-frame.js';
export { metricsRecord, type FrcCurveData } from './run-dir/metrics-record.js';
export { metricsTable } from './report/metrics-table.js';
export { metricsRows, type MetricsRow } from './report/metrics-rows.js';
export { formatMetric } from './report/format-metric.js';
export { parseMetricsRecord, type MetricsFile, type SelfConsistencyFile } from './run-dir/parse-metrics-record.js';
export { parseRunSummary, type RunSummaryFile } from './run-dir/parse-run-summary.js';
export { keyValueRows } from './report/key-value-rows.js';
export { chartSvg, type ChartSeries, type ChartSpec } from './report/charts/chart-svg.js';
export { lossCharts } from './report/charts/loss-charts.js';
export { frcChart } from './report/charts/frc-chart.js';
export { epieCostChart } from './report/charts/epie-cost-chart.js';
export { imageFigureSvg, type ImageFigureOptions } from './report/charts/image-figure-svg.js';
export { reportHtml, type ReportInput } from './report/report-html.js';
export { methodsTableHtml } from './report/methods-table-html.js';
export type { MethodResult } from './run-dir/method-result.js';
export { methodLabel } from './report/method-label.js';
export { rawSubset } from './reconstruct/raw-subset.js';
export { selfConsistency, type ReconstructSubset, type SelfConsistencyOptions, type SelfConsistencyResult } from './reconstruct/self-consistency.js';
export type { SelfConsistencyRecord, ResidualsRecord, HalfScanFrcRecord, FluenceRecord, ProbeRecord } from './run-dir/self-consistency-record.js';
export { selfConsistencySummary, type SelfConsistencySummary } from './run-dir/self-consistency-summary.js';
export { selfConsistencyCharts, type SelfConsistencyChartData } from './report/charts/self-consistency-charts.js';
export { selfConsistencyHtml, type SelfConsistencySection } from './report/self-consistency-html.js';
export { epieSubsetReconstructor, type EpieSubsetSettings } from './reconstruct/epie-subset-reconstructor.js';
export { DEMO } from './demo/demo-settings.js';
export { demoRunConfig } from './demo/demo-run-config.js';
export { OBJECT_FAMILIES, pretrainSpecDefaults, pretrainSpecSchema, resolvePretrainSpec, type ObjectFamily, type PretrainSpec, type PretrainSpecInput, type Range } from './pretrain/pretrain-spec.js';
export { PRETRAIN_CONFIG_DEFAULTS, pretrainRunConfig } from './pretrain/pretrain-run-config.js';
export { pretrainEpochs, resolvePretrainRunSettings, type PretrainRunSettings } from './pretrain/pretrain-run-settings.js';
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
export { checkModelCompatibility, assertCompatible, type Compatibility, type CompatibilityFinding } from './model-card/check-model-compatibility.js';
export { initModelConfig, STRUCTURAL_KEYS } from './prepare/init-model-config.js';
