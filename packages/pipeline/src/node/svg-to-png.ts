import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

let fontFiles: string[] | undefined;

/** DejaVu Sans, regular and bold (titles), from the `dejavu-fonts-ttf` package: the only fonts a PNG is drawn with. */
function dejaVuSans(): string[] {
  const require = createRequire(import.meta.url);
  return [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];
}

/**
 * An SVG image (the markup of `chartSvg` or `imageFigureSvg`) as PNG bytes, rendered by resvg
 * (`@resvg/resvg-js`, prebuilt per platform) at its own width and height, one SVG pixel to one
 * PNG pixel. Text is set in DejaVu Sans, loaded from the `dejavu-fonts-ttf` package by path;
 * system fonts are never read, so the pixels do not depend on the machine's fonts (a clean
 * container has none). Embedded images (`data:` URLs) are drawn; nothing is fetched.
 * @returns PNG bytes (RGBA, 8 bit)
 */
export function svgToPng(svg: string): Uint8Array {
  fontFiles ??= dejaVuSans();
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
