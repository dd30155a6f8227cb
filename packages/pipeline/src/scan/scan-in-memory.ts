import { InputError, type RawData, type ScanData } from '@ptychojs/io';

/**
 * A checked scan with all its frames in memory (`RawData`), for the steps that need every frame
 * at once — training (until it reads frames by batch), ePIE, the web viewer's stack: the frames
 * already in memory are used as they are, otherwise read once, when their M·N²·4 bytes fit the
 * memory budget.
 *
 * @param what the step that needs them, for the message
 * @throws InputError naming the file when the frames do not fit the budget
 */
export function scanInMemory(scan: ScanData, memoryBudget: number, what: string): RawData {
  const { frames: _, patternEnergy: __, diff3d, ...rest } = scan;
  if (diff3d) return { ...rest, diff3d };
  const bytes = scan.frames.bytes;
  if (bytes > memoryBudget) {
    throw new InputError(`${what} holds every frame in memory: ${gib(bytes)} as float32 amplitudes, more than the memory budget of ${gib(memoryBudget)}`, {
      file: scan.source, key: scan.diffractionKey,
      expected: `at most ${gib(memoryBudget)} (--memory-budget)`,
      actual: `${scan.M} frames of ${scan.N}×${scan.N} = ${gib(bytes)}; raise --memory-budget if the machine has the memory, or use a subset of the scan (ptycho infer reads frames by batch and needs no more than the budget)`,
    });
  }
  return { ...rest, diff3d: scan.frames.read(0, scan.M) };
}

function gib(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}
