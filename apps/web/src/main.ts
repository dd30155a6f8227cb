/**
 * Browser entry of the viewer: drop or pick a `reconstruction.npz` and see amplitude and phase.
 * Inference in a Web Worker comes with the viewer issue; this page only displays results.
 */
import { reconstructionImages } from './reconstruction-images.js';

function pngUrl(png: Uint8Array): string {
  return URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
}

export async function showFile(file: File, root: HTMLElement): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const r = reconstructionImages(bytes, file.name);
    root.innerHTML = '';
    const caption = document.createElement('p');
    caption.textContent = `${file.name}: ${r.height}×${r.width}, canvas origin (x0, y0) = (${r.canvasOrigin.join(', ')})`;
    root.append(caption);
    for (const [png, alt] of [[r.amplitudePng, 'amplitude'], [r.phasePng, 'phase']] as const) {
      const img = document.createElement('img');
      img.src = pngUrl(png);
      img.alt = alt;
      root.append(img);
    }
  } catch (e) {
    root.textContent = e instanceof Error ? e.message : String(e);
  }
}

const input = typeof document === 'undefined' ? null : document.querySelector<HTMLInputElement>('#file');
const view = typeof document === 'undefined' ? null : document.querySelector<HTMLElement>('#view');
if (input && view) input.addEventListener('change', () => { const f = input.files?.[0]; if (f) void showFile(f, view); });
