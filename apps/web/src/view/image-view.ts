import type { ColormapName } from '@ptychojs/metrics';
import { colorizeInto, colormapLut } from './colorize.js';
import { fitTransform, zoomAbout, type SharedTransform } from './view-transform.js';
import { el } from './el.js';

/** Side of the colour-mapped tiles: a 4096² image is 64 tiles, drawn only where visible. */
const TILE = 512;

/** What {@link imageView} shows. */
export interface ImageViewOptions {
  readonly title: string;
  /** @shape plane (H, W) float32 */
  readonly plane: Float32Array;
  readonly H: number;
  readonly W: number;
  readonly colormap: ColormapName;
  readonly vmin: number;
  readonly vmax: number;
  /** Colour-bar tick labels, top to bottom, at evenly spaced heights. */
  readonly barLabels: readonly string[];
  /** Canvas pixel (r, c) is the object point (x = c + x0, y = r + y0) (SPEC §3 canvasOrigin). */
  readonly origin: readonly [number, number];
  readonly transform: SharedTransform;
  /** Viewport size in CSS pixels. */
  readonly size?: number;
}

/** An interactive image: the element, and a way to overlay scan positions. */
export interface ImageView {
  readonly element: HTMLElement;
  /** Scan positions in the object frame (pixels), drawn as circles when shown. */
  setPositions(xs: ArrayLike<number>, ys: ArrayLike<number>): void;
  showPositions(on: boolean): void;
  redraw(): void;
}

/**
 * An image viewer that stays responsive on large canvases: the plane is colour-mapped once into
 * {@link TILE}² tiles (canvases); pan and zoom only redraw the visible tiles with a transform
 * (no re-colouring), at most once per animation frame. Wheel zooms about the cursor, drag pans,
 * double-click fits; the value and object-frame position under the cursor are shown; a colour bar
 * with labels sits beside it. Views sharing a transform pan and zoom together.
 *
 * For tests and screenshots the canvas carries `data-image-width`/`data-image-height` (the
 * plane's size), `data-tiles` (tiles coloured, once), `data-drawn` (tiles drawn in the last frame)
 * and `data-frames`.
 */
export function imageView(o: ImageViewOptions): ImageView {
  const size = o.size ?? 440;
  const canvas = el('canvas', { class: 'image' });
  const dpr = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
  canvas.width = size * dpr; canvas.height = size * dpr;
  canvas.style.width = `${size}px`; canvas.style.height = `${size}px`;
  canvas.dataset.imageWidth = String(o.W);
  canvas.dataset.imageHeight = String(o.H);
  const readout = el('div', { class: 'readout' }, '\u00a0');
  const bar = colourBar(o);
  const element = el('figure', { class: 'image-view', 'data-title': o.title }, el('figcaption', {}, o.title), el('div', { class: 'image-row' }, canvas, bar), readout);

  // Colour-map once into tiles.
  const lut = colormapLut(o.colormap);
  const tiles: Array<{ x: number; y: number; w: number; h: number; c: HTMLCanvasElement }> = [];
  for (let y = 0; y < o.H; y += TILE) {
    for (let x = 0; x < o.W; x += TILE) {
      const w = Math.min(TILE, o.W - x), h = Math.min(TILE, o.H - y);
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      const img = new ImageData(w, h);
      colorizeInto(o.plane, o.W, x, y, w, h, lut, o.vmin, o.vmax, img.data);
      c.getContext('2d')!.putImageData(img, 0, 0);
      tiles.push({ x, y, w, h, c });
    }
  }
  canvas.dataset.tiles = String(tiles.length);
  let frames = 0, pending = false, positions: { xs: ArrayLike<number>; ys: ArrayLike<number> } | undefined, showPos = false;
  const ctx = canvas.getContext('2d')!;
  const t = o.transform;
  if (!t.fitted) { t.set(fitTransform(o.H, o.W, size, size)); t.fitted = true; }

  function draw(): void {
    pending = false;
    const { scale, tx, ty } = t.t;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#f0f0f0';
    ctx.fillRect(0, 0, size, size);
    ctx.imageSmoothingEnabled = scale < 1;
    let drawn = 0;
    for (const tile of tiles) {
      const sx = tx + tile.x * scale, sy = ty + tile.y * scale, sw = tile.w * scale, sh = tile.h * scale;
      if (sx > size || sy > size || sx + sw < 0 || sy + sh < 0) continue;
      ctx.drawImage(tile.c, sx, sy, sw, sh);
      drawn++;
    }
    if (showPos && positions) {
      const [x0, y0] = o.origin;
      ctx.strokeStyle = '#ff3b30';
      ctx.lineWidth = 1.5;
      const r = Math.max(2, Math.min(6, scale * 1.5));
      ctx.beginPath();
      for (let k = 0; k < positions.xs.length; k++) {
        const px = tx + (positions.xs[k]! - x0 + 0.5) * scale, py = ty + (positions.ys[k]! - y0 + 0.5) * scale;
        if (px < -r || py < -r || px > size + r || py > size + r) continue;
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    frames++;
    canvas.dataset.drawn = String(drawn);
    canvas.dataset.frames = String(frames);
  }
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(draw); } };
  t.subscribe(schedule);

  const local = (e: MouseEvent) => { const b = canvas.getBoundingClientRect(); return [e.clientX - b.left, e.clientY - b.top] as const; };
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const [px, py] = local(e);
    t.set(zoomAbout(t.t, Math.exp(-e.deltaY * 0.0015), px, py));
  }, { passive: false });
  let drag: { x: number; y: number; tx: number; ty: number } | undefined;
  canvas.addEventListener('pointerdown', (e) => { canvas.setPointerCapture(e.pointerId); drag = { x: e.clientX, y: e.clientY, tx: t.t.tx, ty: t.t.ty }; });
  canvas.addEventListener('pointerup', () => { drag = undefined; });
  canvas.addEventListener('pointermove', (e) => {
    if (drag) t.set({ scale: t.t.scale, tx: drag.tx + e.clientX - drag.x, ty: drag.ty + e.clientY - drag.y });
    const [px, py] = local(e);
    const c = Math.floor((px - t.t.tx) / t.t.scale), r = Math.floor((py - t.t.ty) / t.t.scale);
    readout.textContent = r >= 0 && c >= 0 && r < o.H && c < o.W
      ? `x = ${c + o.origin[0]}, y = ${r + o.origin[1]} (pixel ${r}, ${c}): ${formatValue(o.plane[r * o.W + c]!)}`
      : '\u00a0';
  });
  canvas.addEventListener('pointerleave', () => { readout.textContent = '\u00a0'; });
  canvas.addEventListener('dblclick', () => t.set(fitTransform(o.H, o.W, size, size)));
  draw();
  return {
    element,
    setPositions(xs, ys) { positions = { xs, ys }; schedule(); },
    showPositions(on) { showPos = on; schedule(); },
    redraw: draw,
  };
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(4) : v.toFixed(4);
}

/** A vertical colour bar (vmax at the top) with its labels. */
function colourBar(o: ImageViewOptions): HTMLElement {
  const h = 256, c = el('canvas', { class: 'colour-bar' });
  c.width = 1; c.height = h;
  const img = new ImageData(1, h);
  const ramp = Float32Array.from({ length: h }, (_, i) => o.vmax - ((o.vmax - o.vmin) * i) / (h - 1));
  colorizeInto(ramp, 1, 0, 0, 1, h, colormapLut(o.colormap), o.vmin, o.vmax, img.data);
  c.getContext('2d')!.putImageData(img, 0, 0);
  const labels = el('div', { class: 'bar-labels' }, ...o.barLabels.map((l) => el('span', {}, l)));
  return el('div', { class: 'bar' }, c, labels);
}
