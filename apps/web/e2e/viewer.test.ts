/**
 * End to end: a tiny `ptycho run` made here (simulate 64 positions, f = 0.25, 1 epoch, 16 groups),
 * opened through `ptycho view` in Debian's headless Chromium. Checks that the images show the
 * reconstruction's values, the metrics equal summary.json, the curves and tables exist, the raw
 * scan is browsable, in-browser inference (WebGPU → wasm fallback) downloads the same
 * reconstruction.npz as the CLI, and a malformed file gives the CLI's message. Screenshots of
 * each view go to test-output/e2e/ for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';
import { encodeNpz, fromComplexArray, parseNpz, parseReconstruction, toRawData } from '@ptychojs/io';
import { colormapRgb } from '@ptychojs/metrics';
import { formatMetric } from '@ptychojs/pipeline';
import { launchChromium, objectDifference, ptycho, SHOTS, skipReason, startView } from './harness.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-e2e-'));
const out = path.join(tmp, 'out');
let url = '', server: ChildProcess | undefined, context: BrowserContext, closeBrowser: (() => Promise<void>) | undefined;

const readNpz = (file: string) => parseNpz(new Uint8Array(fs.readFileSync(file)), { file });
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

async function openViewer(query = ''): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url + query);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

describe.skipIf(skipReason !== undefined)(`ptycho view in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { tags: ['slow'] }, () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    ptycho(['simulate', '--out', 'out/data.npz', '--object-size', '96', '--seed', '1', '--nphotons', '1e6'], tmp);
    // pi-tanh: after one epoch the linear phase head (the default) spans a few mrad, a single colour
    // of the cyclic map, and the non-blank check below would test nothing.
    ptycho(['run', '--data', 'out/data.npz', '--out', 'out', '--filters-scale', '0.25', '--epochs', '1', '--n-groups', '16', '--batch-size', '8', '--nphotons', '1e6', '--backend', 'wasm', '--phase-activation', 'pi-tanh'], tmp);
    const view = await startView(out);
    url = view.url;
    server = view.proc;
    ({ context, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    server?.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows amplitude and phase of recon/reconstruction.npz: canvases of its size whose pixels are its values through the colour maps', async () => {
    const page = await openViewer();
    const rec = parseReconstruction(readNpz(path.join(out, 'recon/reconstruction.npz')), 'reconstruction.npz');
    const [H, W] = rec.object.shape as [number, number];
    const canvases = page.locator('#reconstruction canvas.image');
    expect(await canvases.count()).toBe(2);
    // Issue 17: cropped by default to the reliable region of recon/metrics.json, saying so; untick for the whole canvas.
    const reliable = readJson(path.join(out, 'recon/metrics.json')).selfConsistency.fluence.box;
    expect(await page.locator('#reconstruction .crop-note').textContent()).toContain(`cropped to the reliably reconstructed region (${reliable.height}×${reliable.width} of the ${H}×${W} canvas`);
    expect(await canvases.nth(0).getAttribute('data-image-height')).toBe(String(reliable.height));
    await page.uncheck('#reconstruction input.crop-reliable');
    await page.waitForFunction((h) => document.querySelector<HTMLCanvasElement>('#reconstruction canvas.image')?.dataset.imageHeight === h, String(H));
    // The view fits the image into 440×440 CSS px (deviceScaleFactor 1): pixel (r, c) covers
    // [tx + c·s, tx + (c+1)·s) with s = min(440/W, 440/H).
    const s = Math.min(440 / W, 440 / H), tx = (440 - W * s) / 2, ty = (440 - H * s) / 2;
    for (const [i, plane, cmap] of [[0, rec.amplitude, 'gray'], [1, rec.phase, 'twilight']] as const) {
      const c = canvases.nth(i);
      expect([await c.getAttribute('data-image-height'), await c.getAttribute('data-image-width')]).toEqual([String(H), String(W)]);
      expect(await c.getAttribute('data-tiles')).toBe('1');
      let vmin = -Math.PI, vmax = Math.PI;
      if (cmap === 'gray') { vmin = Infinity; vmax = -Infinity; for (const v of plane) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); } }
      // Every third image pixel's centre, read in the page (a whole-canvas readback is slow to serialize).
      const samples: Array<[number, number]> = [];
      for (let r = 0; r < H; r += 3) for (let cc = 0; cc < W; cc += 3) samples.push([r, cc]);
      const pts = samples.map(([r, cc]) => [Math.floor(tx + (cc + 0.5) * s), Math.floor(ty + (r + 0.5) * s)] as const);
      const pixels = await c.evaluate((cv: HTMLCanvasElement, p: ReadonlyArray<readonly [number, number]>) => {
        const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
        return p.map(([x, y]) => [d[4 * (y * cv.width + x)]!, d[4 * (y * cv.width + x) + 1]!, d[4 * (y * cv.width + x) + 2]!]);
      }, pts);
      let checked = 0;
      const distinct = new Set<string>();
      samples.forEach(([r, cc], k) => {
        const t = Math.max(0, Math.min(255, Math.round((plane[r * W + cc]! - vmin) * (255 / (vmax - vmin))))) / 255;
        expect(pixels[k], `${cmap} pixel (${r}, ${cc})`).toEqual(colormapRgb(cmap, t));
        distinct.add(pixels[k]!.join());
        checked++;
      });
      expect(checked).toBe(Math.ceil(H / 3) * Math.ceil(W / 3));
      expect(distinct.size, 'a non-blank image').toBeGreaterThan(3);
    }
    // Scan positions on demand: red circles appear only after the toggle.
    const red = () => canvases.nth(0).evaluate((cv: HTMLCanvasElement) => { const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i]! > 200 && d[i + 1]! < 120 && d[i + 2]! < 120) n++; return n; });
    expect(await red()).toBe(0);
    // A frame after the toggle (the canvas may have drawn more than once before it).
    const framesBefore = Number(await canvases.nth(0).getAttribute('data-frames'));
    await page.check('#reconstruction input.show-positions');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLCanvasElement>('#reconstruction canvas.image')!.dataset.frames) > n, framesBefore);
    expect(await red()).toBeGreaterThan(50);
    // The value under the cursor, in the object frame.
    const box = (await canvases.nth(0).boundingBox())!;
    await page.mouse.move(box.x + tx + 10.5 * s, box.y + ty + 20.5 * s);
    expect(await page.locator('#reconstruction .readout').first().textContent()).toBe(`x = ${10 + rec.canvasOrigin[0]}, y = ${20 + rec.canvasOrigin[1]} (pixel 20, 10): ${rec.amplitude[20 * W + 10]!.toFixed(4)}`);
    await page.locator('#reconstruction').screenshot({ path: path.join(SHOTS, 'reconstruction.png') });
    await page.screenshot({ path: path.join(SHOTS, 'page.png'), fullPage: true });
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.close();
  });

  it('shows quality without ground truth: the residual map, scan and fluence pictures, the half-scan FRC with its ½-bit threshold and the numbers', async () => {
    const page = await openViewer();
    const sc = readJson(path.join(out, 'recon/metrics.json')).selfConsistency;
    const block = page.locator('#quality .self-consistency').first();
    expect(await block.getAttribute('data-method')).toBe('network (recon/)');
    const imgs = block.locator('img');
    expect(await imgs.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await imgs.nth(i).evaluate((im: HTMLImageElement) => im.complete && im.naturalWidth > 100), `picture ${i}`).toBe(true);
    const titles = await block.locator('.charts svg').evaluateAll((svgs) => svgs.map((e) => e.textContent ?? ''));
    expect(titles).toHaveLength(2);
    expect(titles[0]).toContain('half-scan FRC');
    expect(titles[0]).toContain('½-bit threshold');
    expect(titles[1]).toContain('data residuals per position');
    expect(await block.locator('table.sc-numbers').textContent()).toContain(sc.residuals.normalizedDeviance.toFixed(3));
    await page.locator('#quality').screenshot({ path: path.join(SHOTS, 'quality.png') });
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.close();
  });

  it('shows the metrics of summary.json, the loss and FRC curves, and the run\'s summary and configuration as tables', async () => {
    const page = await openViewer();
    const summary = readJson(path.join(out, 'summary.json'));
    const metrics = readJson(path.join(out, 'recon/metrics.json'));
    const rows = page.locator('#metrics table.metrics tbody tr');
    expect(await rows.count()).toBe(5);
    const keys = [['MS-SSIM', 'msssim'], ['SSIM', 'ssim'], ['PSNR', 'psnr'], ['MAE', 'mae'], ['FRC50', 'frc50']];
    for (const [i, [name, k]] of keys.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-metric')).toBe(name);
      expect(Number(await row.getAttribute('data-amplitude'))).toBe(summary.metrics[`amp_${k}`]);
      expect(Number(await row.getAttribute('data-phase'))).toBe(summary.metrics[`phase_${k}`]);
      expect(await row.locator('td').nth(1).textContent()).toBe(formatMetric(summary.metrics[`amp_${k}`]));
      expect(await row.locator('td').nth(2).textContent()).toBe(formatMetric(summary.metrics[`phase_${k}`]));
    }
    const titles = await page.locator('#curves svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-title')));
    expect(titles[0]).toBe('training loss (weighted total)');
    expect(titles).toContain('Poisson NLL (per epoch)');
    expect(titles.at(-1)).toBe('Fourier ring correlation (standard)');
    const frcPoints = await page.locator('#curves svg.chart[data-title^="Fourier"] path.series[data-name="amplitude"]').getAttribute('data-points');
    expect(Number(frcPoints)).toBe(metrics.frc.amp.value.filter((v: unknown) => typeof v === 'number').length);
    expect(await page.locator('#curves svg.chart[data-title^="training"] path.series[data-name="training"]').getAttribute('data-points')).toBe('1');
    const cell = async (table: string, key: string) => page.locator(`${table} tr`, { has: page.locator(`th:text-is("${key}")`) }).locator('td').textContent();
    expect(await cell('#run table.config', 'config.nFiltersScale')).toBe('0.25');
    expect(await cell('#run table.summary', 'infer.groups')).toBe(String(summary.infer.groups));
    await page.locator('#metrics').screenshot({ path: path.join(SHOTS, 'metrics.png') });
    await page.locator('#curves').screenshot({ path: path.join(SHOTS, 'curves.png') });
    await page.locator('#run').screenshot({ path: path.join(SHOTS, 'run-tables.png') });
    await page.close();
  });

  it('shows the raw scan as inspect does and browses its diffraction stack', async () => {
    const page = await openViewer();
    const raw = toRawData(readNpz(path.join(out, 'data.npz')), 'data.npz');
    const inspect = JSON.parse(ptycho(['inspect', 'out/data.npz', '--json', '--quiet'], tmp).stdout);
    expect(await page.locator('#scans table.scan-summary tr', { has: page.locator('th:text-is("positions M, pattern N")') }).locator('td').textContent()).toBe(`${inspect.M}, ${inspect.N}×${inspect.N}`);
    expect(await page.locator('#scans table.arrays tbody tr').count()).toBe(inspect.keys.length);
    const stack = page.locator('#scans canvas.diffraction');
    expect(await stack.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([64, 64]);
    await page.locator('#scans input.frame').fill('5');
    expect(await stack.getAttribute('data-frame')).toBe('5');
    expect(await page.locator('#scans .frame-caption').textContent()).toContain(`frame 5 of 64: position x = ${Number(raw.xcoords[5]!.toPrecision(4))}, y = ${Number(raw.ycoords[5]!.toPrecision(4))} px`);
    await page.locator('#scans').screenshot({ path: path.join(SHOTS, 'raw-scan.png') });
    await page.close();
  });

  it('reconstructs in the browser (WebGPU unavailable here, falls back to wasm) and downloads the CLI\'s reconstruction.npz to float32 tolerance', async () => {
    const page = await openViewer('?backend=webgpu,wasm');
    await page.click('#infer button.run-infer');
    await page.waitForSelector('#infer[data-state="done"], #infer[data-state="failed"]', { timeout: 180_000 });
    expect(await page.locator('#messages').textContent()).toBe('');
    expect(await page.locator('#infer .compatibility').getAttribute('data-verdict')).toBe('ok'); // the model's own scan
    expect(await page.locator('#infer .backend').getAttribute('data-name')).toBe('wasm');
    expect(await page.locator('#infer .backend').textContent()).toMatch(/webgpu unavailable .*; then wasm/);
    expect(await page.locator('#infer progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([64, 64]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#infer a.download')]);
    expect(download.suggestedFilename()).toBe('reconstruction.npz');
    const file = path.join(tmp, 'browser-reconstruction.npz');
    await download.saveAs(file);
    const browser = readNpz(file), cli = readNpz(path.join(out, 'recon/reconstruction.npz'));
    expect(Object.keys(browser).sort()).toEqual(Object.keys(cli).sort());
    const b = parseReconstruction(browser, 'browser'), c = parseReconstruction(cli, 'cli');
    expect(b.object.shape).toEqual(c.object.shape);
    expect(b.canvasOrigin).toEqual(c.canvasOrigin);
    // Same model, same wasm kernels and batch size (64) as the CLI's run: agreement to float32
    // rounding; 1e-5 of the largest |object| allows a different summation order in a kernel.
    const { maxAbs, maxDiff } = objectDifference(b, c);
    expect(maxDiff).toBeLessThanOrEqual(1e-5 * maxAbs);
    await page.locator('#infer').screenshot({ path: path.join(SHOTS, 'infer.png') });
    await page.close();
  });

  it('reads dropped ptychodus and CXI files through the CLI\'s reader registry, and reconstructs a ptychodus diffraction file as ptycho infer does', async () => {
    const F = path.resolve(import.meta.dirname, '../../../packages/io/test/fixtures/formats');
    const page = await openViewer();
    const names = ['diffraction.h5', 'product.h5', 'scan.cxi'];
    const dt = await page.evaluateHandle((files) => {
      const d = new DataTransfer();
      for (const { name, bytes } of files) d.items.add(new File([new Uint8Array(bytes)], name));
      return d;
    }, names.map((name) => ({ name, bytes: [...fs.readFileSync(path.join(F, name))] })));
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => document.querySelectorAll('#scans select.pick-scan option').length >= 4);
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('#messages').textContent()).toBe('');
    const want = readNpz(path.join(F, 'scan.npz'));
    for (const [name, reader, shift] of [['diffraction.h5', 'ptychodus-diffraction-h5', 0], ['scan.cxi', 'cxi', -11]] as const) {
      await page.locator('#scans select.pick-scan').selectOption(name);
      const inspect = JSON.parse(ptycho(['inspect', path.join(F, name), ...(name === 'diffraction.h5' ? ['--positions', path.join(F, 'product.h5')] : []), '--json', '--quiet'], tmp).stdout);
      expect(await page.locator('#scans p.reader').getAttribute('data-reader')).toBe(reader);
      expect(inspect.reader.name).toBe(reader);
      expect(await page.locator('#scans table.scan-summary tr', { has: page.locator('th:text-is("valid")') }).locator('td').textContent()).toBe('yes');
      await page.locator('#scans input.frame').fill('3');
      const x = (want.xcoords!.data as Float64Array)[3]! + shift;
      expect(await page.locator('#scans .frame-caption').textContent()).toContain(`frame 3 of 16: position x = ${Number(x.toPrecision(4))}`);
    }
    await page.locator('#scans').screenshot({ path: path.join(SHOTS, 'dropped-formats.png') });
    // In-browser inference of the diffraction file with the positions of the product dropped with it.
    await page.locator('#infer select.pick-infer-scan').selectOption('diffraction.h5');
    await page.click('#infer button.run-infer');
    // The fixture's probe is not the model's (correlation ≈ 0.13): refused as ptycho infer refuses, reconstructed when forced.
    await page.waitForSelector('#infer[data-state="refused"]', { timeout: 180_000 });
    expect(await page.locator('#infer pre.error').textContent()).toMatch(/^error: diffraction\.h5, key 'probeGuess': the model in train cannot reconstruct this scan: the scan's probe correlates 0\.\d+ with the model's/);
    await page.click('#infer button.force-infer');
    await page.waitForSelector('#infer[data-state="done"], #infer[data-state="failed"]', { timeout: 180_000 });
    expect(await page.locator('#messages').textContent()).toBe('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#infer a.download')]);
    const file = path.join(tmp, 'browser-h5.npz');
    await download.saveAs(file);
    ptycho(['infer', '--model', 'out/train', '--data', path.join(F, 'diffraction.h5'), '--positions', path.join(F, 'product.h5'), '--out', 'h5-infer', '--backend', 'wasm', '--workers', '1', '--batch-size', '64', '--force'], tmp);
    const b = parseReconstruction(readNpz(file), 'browser'), c = parseReconstruction(readNpz(path.join(tmp, 'h5-infer/reconstruction.npz')), 'cli');
    expect(b.canvasOrigin).toEqual(c.canvasOrigin);
    const { maxAbs, maxDiff } = objectDifference(b, c);
    // As for the NPZ above: the same wasm kernels and batch size, float32 rounding.
    expect(maxDiff).toBeLessThanOrEqual(1e-5 * maxAbs);
    await page.close();
  });

  it('shows the CLI\'s message for a malformed file dropped onto the page', async () => {
    const bad = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40, 7)]);
    fs.writeFileSync(path.join(tmp, 'bad.npz'), bad);
    const cli = ptycho(['inspect', 'bad.npz'], tmp, 2).stderr.split('\n').filter((l) => l.startsWith('error:') || l.startsWith('  - ')).join('\n');
    expect(cli).toMatch(/^error: bad\.npz/);
    const page = await openViewer();
    const drop = async (name: string, bytes: number[]) => {
      const dt = await page.evaluateHandle(({ name, bytes }) => { const d = new DataTransfer(); d.items.add(new File([new Uint8Array(bytes)], name)); return d; }, { name, bytes });
      await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    };
    await drop('bad.npz', [...bad]);
    await page.waitForSelector('#messages pre.error');
    expect(await page.locator('#messages pre.error').textContent()).toBe(cli);
    // The rest of the folder is still shown, once the page has been rebuilt: the error appears while
    // the rebuild is under way (a render sets data-ready to 0 before it clears the messages).
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('#reconstruction canvas.image').count()).toBe(2);
    await drop('history.json', [...Buffer.from('[{"epoch": 0, "loss": "<img src=x onerror=alert(1)>"}]')]);
    await page.waitForFunction(() => document.querySelectorAll('#messages pre.error').length === 2);
    await page.waitForSelector('body[data-ready="1"]');
    const msgs = await page.locator('#messages pre.error').allTextContents();
    expect(msgs).toContain(cli);
    const msg = msgs.find((m) => m.includes('history.json'));
    expect(msg).toMatch(/^error: history\.json, key '0\.loss': invalid training history; expected number; got "<img src=x onerror=alert\(1\)>"/);
    expect(await page.locator('#messages img').count()).toBe(0);
    await page.locator('#messages').screenshot({ path: path.join(SHOTS, 'malformed-file.png') });
    await page.close();
  });

  it('keeps a 4096² reconstruction responsive: coloured once into 64 tiles; zoom and pan redraw only the visible tiles', async () => {
    // The object alone (amplitude and phase are derived on reading; SPEC §3), 128 MiB.
    const n = 4096, re = new Float32Array(n * n), im = new Float32Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
      const a = 0.5 + 0.4 * Math.sin(c / 37) * Math.cos(r / 53), p = 2.5 * Math.sin((c + r) / 90);
      re[r * n + c] = a * Math.cos(p); im[r * n + c] = a * Math.sin(p);
    }
    const bigDir = path.join(tmp, 'big');
    fs.mkdirSync(bigDir);
    fs.writeFileSync(path.join(bigDir, 'reconstruction.npz'), encodeNpz({ object: fromComplexArray({ shape: [n, n], re, im }, 'c8'), canvasOrigin: { dtype: 'f8', shape: [2], data: Float64Array.from([0, 0]) } }));
    const big = await startView(bigDir);
    try {
      const page = await context.newPage();
      await page.goto(big.url);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
      const amp = page.locator('#reconstruction canvas.image').first();
      const data = () => amp.evaluate((cv: HTMLCanvasElement) => ({ ...cv.dataset }));
      expect(await data()).toMatchObject({ imageWidth: '4096', imageHeight: '4096', tiles: '64', drawn: '64' });
      const box = (await amp.boundingBox())!;
      await page.mouse.move(box.x + 220, box.y + 220);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300); // ≈ ×2.5 each: a few screen pixels per image pixel
      await page.mouse.down();
      for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 220 + 6 * i, box.y + 220 + 4 * i);
      await page.mouse.up();
      await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('#reconstruction canvas.image')!.dataset.frames) > 5);
      const after = await data();
      // Nothing was coloured again, and a zoomed-in frame draws the few tiles under the viewport.
      expect(after.tiles).toBe('64');
      expect(Number(after.drawn)).toBeGreaterThanOrEqual(1);
      expect(Number(after.drawn)).toBeLessThanOrEqual(4);
      await page.locator('#reconstruction').screenshot({ path: path.join(SHOTS, 'reconstruction-4096-zoomed.png') });
      await page.close();
    } finally {
      big.proc.kill();
    }
  });

  it('report.html of the run draws its curves as SVG charts and its summary and config as tables (one offline file)', async () => {
    const page = await context.newPage();
    await page.goto(`${url}data/report.html`);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('table.config th:text-is("config.gridsize")').count()).toBe(1);
    expect(await page.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: true });
    await page.close();
  });
});
