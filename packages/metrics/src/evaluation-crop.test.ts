import { describe, expect, it } from 'vitest';
import { evaluationCrop } from './evaluation-crop.js';
import { evaluateReconstruction } from './evaluate-reconstruction.js';
import { scanBoxFromPositions } from './scan-box-from-positions.js';
import { SSIM_WINDOW_SIZE } from './ssim-window-size.js';

/** An H×W complex image of varied values (no constant crop). */
function image(H: number, W: number) {
  const re = Float32Array.from({ length: H * W }, (_, i) => 1 + 0.3 * Math.sin(i * 0.37));
  const im = Float32Array.from({ length: H * W }, (_, i) => 0.2 * Math.cos(i * 0.11));
  return { shape: [H, W], re, im };
}

describe('evaluationCrop', () => {
  it('is columns ceil(xmin)…floor(xmax), rows ceil(ymin)…floor(ymax), clipped to the truth', () => {
    expect(evaluationCrop({ xmin: 10.2, xmax: 20.8, ymin: 10, ymax: 40 }, 100, 100)).toEqual({ col0: 11, row0: 10, width: 10, height: 31 });
    expect(evaluationCrop({ xmin: 0, xmax: 30, ymin: 0, ymax: 30 }, 100, 15)).toEqual({ col0: 0, row0: 0, width: 15, height: 31 });
    expect(evaluationCrop({ xmin: -5.5, xmax: 3, ymin: 2, ymax: 2 }, 10, 10)).toEqual({ col0: 0, row0: 2, width: 4, height: 1 });
  });

  it('is empty (width or height 0) when the box misses the truth or no pixel centre lies in it', () => {
    expect(evaluationCrop({ xmin: 120, xmax: 130, ymin: 0, ymax: 5 }, 100, 100).width).toBe(0);
    expect(evaluationCrop({ xmin: 3.2, xmax: 3.8, ymin: 0, ymax: 5 }, 100, 100).width).toBe(0);
    expect(evaluationCrop({ xmin: 0, xmax: 5, ymin: -9, ymax: -1 }, 100, 100).height).toBe(0);
  });

  it('is the crop evaluateReconstruction scores when the reconstruction covers the truth', () => {
    const truth = image(60, 70);
    for (const [xs, ys] of [[[20, 50.5, 44], [15, 30, 45.9]], [[-4.5, 80], [10.2, 70]], [[3, 3 + SSIM_WINDOW_SIZE - 1], [0, 59]]] as const) {
      const box = scanBoxFromPositions(xs, ys);
      const { box: scored } = evaluateReconstruction(truth, [0, 0], truth, box);
      expect(evaluationCrop(box, 60, 70)).toEqual({ col0: scored.col0, row0: scored.row0, width: scored.width, height: scored.height });
    }
  });

  it('a crop narrower than SSIM_WINDOW_SIZE is refused by the standard profile', () => {
    const truth = image(60, 70);
    const box = scanBoxFromPositions([3, 3 + SSIM_WINDOW_SIZE - 2], [0, 59]);
    expect(evaluationCrop(box, 60, 70).width).toBe(SSIM_WINDOW_SIZE - 1);
    expect(() => evaluateReconstruction(truth, [0, 0], truth, box)).toThrow(`smaller than the ${SSIM_WINDOW_SIZE}×${SSIM_WINDOW_SIZE} SSIM window`);
  });
});
