/**
 * What to do about pixels that carry no measurement (detector module gaps, hot or dead pixels,
 * NaN written for masked pixels), worded once for every check that finds them: mask them, so the
 * loss, ePIE and the statistics skip them (`checkRawData`'s bad-pixel mask). docs/errors.md
 * ("Detector gaps and flagged pixels") shows how to write the mask with numpy.
 */
export const MASKING_ADVICE =
  "mask them: a bad-pixel mask (N, N), nonzero where not measured, as --mask FILE (NPY, NPZ or HDF5) or a 'bad_pixels' array in the scan; "
  + "masked pixels are left out of the loss, ePIE and the statistics (docs/errors.md, 'Detector gaps and flagged pixels')";
