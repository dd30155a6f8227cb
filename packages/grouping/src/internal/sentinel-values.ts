import type { DiffractionKind } from '@ptychojs/io';

/** Largest values of the integer types detectors write (and flag pixels with). */
const INTEGER_MAX: Readonly<Record<string, number>> = { uint8: 255, uint16: 65535, uint32: 4294967295, int16: 32767, int32: 2147483647 };

/**
 * The values a detector's flag (or saturation) value takes in the diffraction as read: the largest
 * value of the stored integer type (float32-rounded), or its square root when counts were read as
 * amplitudes; for float files, the 16- and 32-bit maxima and their square roots (data converted
 * from a detector's integers; the 8-bit maximum 255 is also an ordinary value there). Keyed by
 * value as read, each with how to say it: the value as the file holds it and what it is.
 */
/** @internal */
export function sentinelValues(storedDtype: string, reading: DiffractionKind): Map<number, string> {
  const out = new Map<number, string>();
  const name = storedDtype.replace(/ \(big-endian\)$/, '');
  const max = (type: string) => Math.fround(INTEGER_MAX[type]!);
  if (INTEGER_MAX[name] !== undefined) {
    // Stored integers: the file holds the maximum itself, whichever way it was read.
    out.set(reading === 'counts' ? Math.fround(Math.sqrt(max(name))) : max(name), `${INTEGER_MAX[name]} (the ${name} maximum)`);
  } else if (/^float/.test(name) || name === '') {
    for (const t of ['uint16', 'uint32', 'int16', 'int32']) {
      out.set(max(t), `${INTEGER_MAX[t]} (the ${t} maximum)`);
      const root = Math.fround(Math.sqrt(max(t)));
      out.set(root, `${Number(root.toPrecision(6))} (√${INTEGER_MAX[t]}: the ${t} maximum as an amplitude)`);
    }
  }
  return out;
}
