import type { FrameSource, NdArray } from '../types.js';
import type { ScanReader } from './scan-reader.js';

/** Keys read lazily by range: the diffraction and its alias (SPEC §3). */
const FRAME_KEYS = ['diff3d', 'diffraction'];

/**
 * The raw scan NPZ of SPEC §3 (`xcoords`, `ycoords`, `diff3d`, `probeGuess`, …), read as stored:
 * the diffraction lazily by range, every other member whole. Also PtychoPINN's training data
 * exported by ptychodus, which is this contract.
 */
export const npzScanReader: ScanReader = {
  name: 'npz',
  format: 'ptychojs raw scan NPZ (SPEC §3)',
  container: 'npz',
  detect: (c) => !c.entry('probe_position_x_m'),
  open(c) {
    const arrays: Record<string, NdArray | FrameSource> = {};
    for (const { path, shape } of c.list()) {
      const value = FRAME_KEYS.includes(path) && shape.length === 3 ? c.frames(path) : c.read(path);
      Object.defineProperty(arrays, path, { value, enumerable: true, writable: true, configurable: true });
    }
    return {
      file: c.file, reader: this.name, format: this.format, arrays,
      mapping: Object.keys(arrays).map((k) => ({ field: k, from: k })),
      notes: [], warnings: [], problems: [],
      contents: c.list(),
      close: () => c.close(),
    };
  },
};
