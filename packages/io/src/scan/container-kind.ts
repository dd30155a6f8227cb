/** HDF5's signature, at byte 0 or after a user block of 512·2^k bytes. */
const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** Offsets where an HDF5 superblock may start (a user block of 512, 1024, 2048… bytes before it). */
const HDF5_SIGNATURE_OFFSETS = [0, 512, 1024, 2048, 4096, 8192] as const;

/**
 * What a file is from its first bytes (content, not the name): `'npz'` (a zip archive: local
 * header or, for an empty one, the end record), `'hdf5'` (the HDF5 signature at 0 or at one of
 * `HDF5_SIGNATURE_OFFSETS`, which `at(offset)` returns 8 bytes of), `'npy'` (one numpy array), or
 * undefined.
 */
export function containerKind(at: (offset: number) => Uint8Array | undefined): 'npz' | 'hdf5' | 'npy' | undefined {
  const head = at(0);
  if (!head) return undefined;
  if (head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'npz';
  if (head[0] === 0x93 && String.fromCharCode(...head.subarray(1, 6)) === 'NUMPY') return 'npy';
  for (const o of HDF5_SIGNATURE_OFFSETS) {
    const b = o === 0 ? head : at(o);
    if (b && HDF5.every((v, i) => b[i] === v)) return 'hdf5';
  }
  return undefined;
}
