/**
 * A frame that places pixels in metres (ptychodus's object geometry): the object of
 * `width × height` pixels of `pixelWidth × pixelHeight` metres is centred on `(centerX, centerY)`.
 */
export interface PixelFrame {
  readonly centerX: number;
  readonly centerY: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Probe positions in metres → object pixels, as ptychodus maps them
 * (`ObjectGeometry.map_coordinates_probe_to_object`):
 * `x_px = (x_m − centerX)/pixelWidth + width/2`, `y_px = (y_m − centerY)/pixelHeight + height/2`.
 *
 * @shape xm, ym (M,) metres
 * @returns (M,) object pixels, x the column, y the row (SPEC §3)
 */
export function metresToPixels(xm: ArrayLike<number>, ym: ArrayLike<number>, f: PixelFrame): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(xm.length), y = new Float64Array(ym.length);
  for (let i = 0; i < x.length; i++) {
    x[i] = (xm[i]! - f.centerX) / f.pixelWidth + f.width / 2;
    y[i] = (ym[i]! - f.centerY) / f.pixelHeight + f.height / 2;
  }
  return { x, y };
}
