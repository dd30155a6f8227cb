/**
 * Node-only entry point of @ptychojs/io (`@ptychojs/io/node`): file reading and atomic writing.
 * Everything browser-safe is in `@ptychojs/io`.
 */
export { readNpzFile } from './node/read-npz-file.js';
export { uniformNpzMember, type UniformMember, type UniformNpzMemberOptions } from './node/uniform-npz-member.js';
export { loadRawData } from './node/load-raw-data.js';
export { writeFileAtomic } from './node/write-file-atomic.js';
export { writeNpzFile } from './node/write-npz-file.js';
export { writeJsonAtomic } from './node/write-json-atomic.js';
export { removeStaleTempFiles } from './node/remove-stale-temp-files.js';
export { h5wasmNode } from './node/h5wasm-node.js';
export { openContainerFile } from './node/open-container-file.js';
export { openScanFile, type OpenScanFileOptions } from './node/open-scan-file.js';
export { readMaskFile } from './node/read-mask-file.js';
export { writeReconstructionFormats, RECONSTRUCTION_FORMATS, type ReconstructionFormat } from './node/write-reconstruction-formats.js';
