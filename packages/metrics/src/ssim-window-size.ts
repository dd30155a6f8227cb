/**
 * Side of the default SSIM window, in pixels: the 11×11 Gaussian (σ 1.5) of Wang et al. 2004
 * (SPEC §4). It is the smallest crop the standard profile of `evaluateReconstruction` scores, and
 * the smallest side an MS-SSIM scale keeps.
 */
export const SSIM_WINDOW_SIZE = 11;
