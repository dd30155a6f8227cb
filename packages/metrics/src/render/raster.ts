import { encode } from 'fast-png';
import { glyph, GLYPH_H, GLYPH_W } from './font-5x7.js';

export type Rgb = readonly [number, number, number];

/** A small RGB8 canvas with the few drawing operations the plots need. */
export class Raster {
  readonly data: Uint8Array;
  constructor(readonly width: number, readonly height: number, background: Rgb = [255, 255, 255]) {
    this.data = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.data.set(background, 3 * i);
  }

  set(x: number, y: number, c: Rgb): void {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = 3 * (y * this.width + x);
    this.data[i] = c[0]; this.data[i + 1] = c[1]; this.data[i + 2] = c[2];
  }

  fillRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.set(x + i, y + j, c);
  }

  /** 1-px rectangle outline around [x, x+w) × [y, y+h), drawn just outside it. */
  frame(x: number, y: number, w: number, h: number, c: Rgb): void {
    this.fillRect(x - 1, y - 1, w + 2, 1, c); this.fillRect(x - 1, y + h, w + 2, 1, c);
    this.fillRect(x - 1, y, 1, h, c); this.fillRect(x + w, y, 1, h, c);
  }

  /** Bresenham line, `thick` px (square pen), clipped by `clip` if given. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thick = 1, clip?: { x: number; y: number; w: number; h: number }): void {
    x0 = Math.round(x0); y0 = Math.round(y0); x1 = Math.round(x1); y1 = Math.round(y1);
    const dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    let err = dx + dy, x = x0, y = y0;
    const lo = -Math.floor((thick - 1) / 2);
    for (let guard = 0; guard < 100000; guard++) {
      for (let a = 0; a < thick; a++) for (let b = 0; b < thick; b++) {
        const px = x + lo + a, py = y + lo + b;
        if (!clip || (px >= clip.x && py >= clip.y && px < clip.x + clip.w && py < clip.y + clip.h)) this.set(px, py, c);
      }
      if (x === x1 && y === y1) break;
      const e2 = 2 * err;
      if (e2 >= dy) { err += dy; x += sx; }
      if (e2 <= dx) { err += dx; y += sy; }
    }
  }

  /** Text with its top-left at (x, y); `vertical` rotates it 90° counter-clockwise (reads bottom-up, (x, y) is then its bottom-left). */
  text(s: string, x: number, y: number, c: Rgb, scale = 1, vertical = false): void {
    let k = 0;
    for (const ch of s) {
      const g = glyph(ch);
      for (let row = 0; row < GLYPH_H; row++) {
        for (let col = 0; col < 5; col++) {
          if (!((g[row]! >> (4 - col)) & 1)) continue;
          const u = k * GLYPH_W + col; // along the text
          if (vertical) this.fillRect(x + row * scale, y - (u + 1) * scale, scale, scale, c);
          else this.fillRect(x + u * scale, y + row * scale, scale, scale, c);
        }
      }
      k++;
    }
  }

  png(): Uint8Array {
    return encode({ width: this.width, height: this.height, data: this.data, channels: 3, depth: 8 });
  }
}
