/**
 * What to do about pixels that carry no measurement (detector module gaps, hot or dead pixels,
 * NaN written for masked pixels), worded once for every check that finds them. ptychojs reads no
 * detector mask yet, so the advice is what works today: fill those pixels in a copy of the file.
 * docs/errors.md ("Detector gaps and flagged pixels") gives the numpy recipe.
 */
export const MASKING_ADVICE =
  'mask them: ptychojs reads no detector mask yet, so write a copy of the scan with those pixels filled from their measured neighbours '
  + "(interpolate across the gap; the numpy recipe is in docs/errors.md, 'Detector gaps and flagged pixels')";
