/**
 * The defocus of {@link defaultProbe} when none is given: 0.9·R radians at the pupil edge, R the
 * pupil radius (default N/4), which gives an rms radius ≈ N/5 (12.8 px at N = 64).
 *
 * @param n probe side N
 * @param pupilRadius pupil radius R in detector pixels (default N/4)
 * @returns the pupil-edge phase, radians
 */
export function defaultProbeDefocus(n: number, pupilRadius = n / 4): number {
  return 0.9 * pupilRadius;
}
