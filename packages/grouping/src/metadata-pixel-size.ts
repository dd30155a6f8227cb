/**
 * The object pixel size recorded in a scan's `_metadata` (SPEC §3: any key like `pixel_size`,
 * `pixelsize_m`, `pixelSize`), in metres, with the key it came from; undefined when none is a
 * finite positive number.
 */
export function metadataPixelSize(meta: Readonly<Record<string, unknown>> | undefined): { key: string; value: number } | undefined {
  if (!meta) return undefined;
  for (const [key, v] of Object.entries(meta)) {
    if (/pixel_?size/i.test(key) && typeof v === 'number' && v > 0 && Number.isFinite(v)) return { key, value: v };
  }
  return undefined;
}
