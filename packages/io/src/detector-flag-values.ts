import type { DiffractionKind } from './default-diffraction-kind.js';

/** Largest values of the integer types detectors write (and flag pixels with). */
const INTEGER_MAX: Readonly<Record<string, number>> = { uint8: 255, uint16: 65535, uint32: 4294967295, int16: 32767, int32: 2147483647 };

/**
 * The amplitudes a detector's flag (or saturation) value takes in the diffraction as read, each
 * with how to say it (the value as the file holds it, and what it is): the largest value of the
 * stored integer type, or its square root when counts are read as counts; for float files, the
 * 16- and 32-bit maxima and their square roots (data converted from a detector's integers; the
 * 8-bit maximum 255 is also an ordinary value there). Square roots are keyed both in float64 (a
 * streaming pass takes the root of the stored float32) and float32 (an amplitude array in memory).
 *
 * @param storedDtype numpy's name of the stored dtype (`uint16`, `float32 (big-endian)`…)
 */
export function detectorFlagValues(storedDtype: string, reading: DiffractionKind): Map<number, string> {
  const out = new Map<number, string>();
  const name = storedDtype.replace(/ \(big-endian\)$/, '');
  const add = (stored: number, text: string, read: DiffractionKind): void => {
    const f = Math.fround(stored);
    if (read === 'counts') { out.set(Math.sqrt(f), text); out.set(Math.fround(Math.sqrt(f)), text); } else out.set(f, text);
  };
  if (INTEGER_MAX[name] !== undefined) {
    // Stored integers: the file holds the maximum itself, whichever way it is read.
    add(INTEGER_MAX[name]!, `${INTEGER_MAX[name]} (the ${name} maximum)`, reading);
  } else if (/^float/.test(name) || name === '') {
    for (const t of ['uint16', 'uint32', 'int16', 'int32']) {
      const max = INTEGER_MAX[t]!;
      add(max, `${max} (the ${t} maximum)`, reading);
      const root = Math.fround(Math.sqrt(max));
      add(Math.sqrt(max), `${Number(root.toPrecision(6))} (√${max}: the ${t} maximum as an amplitude)`, 'amplitude');
    }
  }
  return out;
}
