// Quality without ground truth (issue 17), typed arrays: data residuals of a reconstruction under
// the SPEC §3 forward model, the probe's fluence over the scan, overlap and probe change.
export { poissonDeviance } from './poisson-deviance.js';
export { expectedPoissonDeviance } from './expected-poisson-deviance.js';
export { dataResiduals, type DataResidualsOptions, type DataResiduals } from './data-residuals.js';
export { fluenceMap, type FluenceMapOptions } from './fluence-map.js';
export { reliableRegion, type ReliableRegionOptions, type ReliableRegion } from './reliable-region.js';
export { scanOverlap, type ScanOverlap } from './scan-overlap.js';
export { probeChange, type ProbeChange } from './probe-change.js';
