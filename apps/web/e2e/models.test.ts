/**
 * End to end (issue 15): the web app loads model directories — pretrained (`ptycho pretrain`),
 * trained with the physics-informed input (`train --input-iterations 2`), and one of an earlier
 * version without model-card.json — shows each model's card, checks a dropped scan against the
 * model as `ptycho infer` does (the same verdict and findings), reconstructs it as `ptycho infer`
 * does, refuses a scan taken with another probe with the CLI's message, and reconstructs it after
 * "Reconstruct anyway" (the CLI's --force) as `ptycho infer --force` does. The models are made
 * here with the built CLI, tiny (f = 0.125, one epoch); screenshots go to test-output/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';
import { parseNpz, parseReconstruction } from '@ptychojs/io';
import { modelCardWords, parseModelCard } from '@ptychojs/pipeline';
import { launchChromium, objectDifference, ptycho, SHOTS, skipReason, startView } from './harness.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-e2e-models-'));
/** The folder `ptycho view` serves: three model directories. */
const models = path.join(tmp, 'models');
/** Scans the user drops onto the page (not in the served folder). */
const scans = path.join(tmp, 'scans');
/** Where the CLI runs for reference: links to the models and scans, so it names them as the page does (`--model pre --data unseen.npz`). */
const cli = path.join(tmp, 'cli');
let server: ChildProcess | undefined, context: BrowserContext, closeBrowser: (() => Promise<void>) | undefined, url = '';

const readNpz = (file: string) => parseNpz(new Uint8Array(fs.readFileSync(file)), { file });
const WASM = ['--backend', 'wasm', '--workers', '1', '--batch-size', '64'];

/** `ptycho infer` of a model and a scan (names relative to `cli/`), its JSON result. */
function cliInfer(model: string, scan: string, out: string, ...extra: string[]): { compatibility: { verdict: string; findings: Array<{ message: string }> } } {
  return JSON.parse(ptycho(['infer', '--model', model, '--data', scan, '--out', out, ...WASM, '--json', '--quiet', ...extra], cli).stdout);
}

/** The page's reconstruction, downloaded, against the CLI's `reconstruction.npz`: the same canvas, values to float32 rounding. */
async function expectSameAsCli(page: Page, cliFile: string, name: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#infer a.download')]);
  const file = path.join(tmp, `${name}.npz`);
  await download.saveAs(file);
  const b = parseReconstruction(readNpz(file), 'browser'), c = parseReconstruction(readNpz(cliFile), 'cli');
  expect(b.object.shape).toEqual(c.object.shape);
  expect(b.canvasOrigin).toEqual(c.canvasOrigin);
  const { maxAbs, maxDiff } = objectDifference(b, c);
  // Same model, the same wasm kernels and batch size (64) as the CLI: float32 rounding; 1e-5 of
  // the largest |object| allows another summation order in a kernel (as viewer.test.ts).
  expect(maxAbs).toBeGreaterThan(0);
  expect(maxDiff, name).toBeLessThanOrEqual(1e-5 * maxAbs);
}

/** Choose a model by its directory name and wait for its card. */
async function pickModel(page: Page, dir: string): Promise<void> {
  await page.locator('#infer select.pick-model').selectOption({ label: dir });
  await page.waitForSelector(`#infer[data-card="shown"] .model-card[data-dir="${dir}"]`);
}

/** Reconstruct the chosen model and scan; the section's final state. */
async function reconstruct(page: Page, button = '#infer button.run-infer'): Promise<string> {
  await page.click(button);
  await page.waitForSelector('#infer[data-state="done"], #infer[data-state="failed"], #infer[data-state="refused"]', { timeout: 180_000 });
  return (await page.locator('#infer').getAttribute('data-state'))!;
}

const findings = (page: Page) => page.locator('#infer .compatibility li.finding').allTextContents();

describe.skipIf(skipReason !== undefined)(`model directories in the web app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const d of [models, scans, cli]) fs.mkdirSync(d);
    const sim = (out: string, seed: number, ...extra: string[]) => ptycho(['simulate', '--out', out, '--object-size', '96', '--seed', String(seed), '--nphotons', '1e6', '--quiet', ...extra], scans);
    sim('scan.npz', 1);
    sim('unseen.npz', 2); // the same probe, an object no model saw
    sim('other-probe.npz', 3, '--probe-rms', '6'); // a probe half the size: correlation ≈ 0.17 with the models'
    // Tiny pretraining on grf objects under the probe of scan.npz (with its default physics-informed input, 4 iterations).
    ptycho(['pretrain', '--probe', '../scans/scan.npz', '--out', 'pre', '--filters-scale', '0.125', '--patterns-per-epoch', '64', '--positions-per-scan', '32',
      '--validation-scans', '1', '--epochs', '1', '--families', 'grf', ...WASM.slice(0, 4), '--quiet'], models);
    ptycho(['train', '--data', '../scans/scan.npz', '--out', 'iter2', '--input-iterations', '2', '--epochs', '1', '--filters-scale', '0.125', '--n-groups', '16', '--batch-size', '8', ...WASM.slice(0, 4), '--quiet'], models);
    // A directory of an earlier version: no model-card.json (the card is derived from config.json, history.json, probe.npz).
    fs.cpSync(path.join(models, 'iter2'), path.join(models, 'old'), { recursive: true });
    fs.rmSync(path.join(models, 'old', 'model-card.json'));
    for (const d of ['pre', 'iter2', 'old']) fs.symlinkSync(path.join(models, d), path.join(cli, d));
    for (const s of ['unseen.npz', 'other-probe.npz']) fs.symlinkSync(path.join(scans, s), path.join(cli, s));
    const view = await startView(models);
    url = view.url;
    server = view.proc;
    ({ context, close: closeBrowser } = await launchChromium());
  }, 600_000);
  afterAll(async () => {
    await closeBrowser?.();
    server?.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows each model\'s card, checks a dropped unseen scan as ptycho infer does (verdict ok) and reconstructs it as ptycho infer does: pretrained, input iterations 2, and a directory without a card', { timeout: 600_000 }, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url}?backend=wasm`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    // Before any scan: the first model's card and what to do next.
    expect(await page.locator('#infer select.pick-model option').allTextContents()).toEqual(['iter2', 'old', 'pre']);
    expect(await page.locator('#infer').textContent()).toContain('Drop a raw scan');
    const dt = await page.evaluateHandle(({ name, bytes }) => { const d = new DataTransfer(); d.items.add(new File([new Uint8Array(bytes)], name)); return d; }, { name: 'unseen.npz', bytes: [...fs.readFileSync(path.join(scans, 'unseen.npz'))] });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => [...document.querySelectorAll('#infer select.pick-infer-scan option')].some((o) => o.textContent === 'unseen.npz'));
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('#messages').textContent()).toBe('');

    // The pretrained model: its card in words (those of report.html), its held-out SSIM drawn, every field.
    await pickModel(page, 'pre');
    const card = parseModelCard(JSON.parse(fs.readFileSync(path.join(models, 'pre/model-card.json'), 'utf8')), 'model-card.json');
    expect(card.kind).toBe('pretrained');
    const view = page.locator('#infer .model-card');
    expect(await view.locator('.model-card-words').textContent()).toBe(modelCardWords(card));
    expect(await view.locator('.model-card-words').textContent()).toMatch(/^Pretrained on scans simulated under probeGuess of .*scan\.npz .*grf objects, steps 2\.00–16\.0 px, doses 1\.00e\+4–1\.00e\+9 photons per pattern.* On held-out simulated scans: SSIM/);
    expect(await view.locator('svg.chart').evaluateAll((s) => s.map((e) => e.getAttribute('data-title')))).toEqual(['training loss (weighted total)', 'validation: SSIM against the truth of held-out simulated scans']);
    const field = async (key: string) => view.locator('table.model-card-fields tr', { has: page.locator(`th:text-is("${key}")`) }).locator('td').textContent();
    expect(await field('probe.fingerprint')).toBe(card.probe.fingerprint);
    expect(await field('training.patternsSeen')).toBe(String(card.training.patternsSeen));
    await page.locator('#infer select.pick-infer-scan').selectOption('unseen.npz');
    expect(await reconstruct(page)).toBe('done');
    const pre = cliInfer('pre', 'unseen.npz', 'out-pre');
    expect(pre.compatibility.verdict).toBe('ok');
    expect(await page.locator('#infer .compatibility').getAttribute('data-verdict')).toBe('ok');
    expect(await findings(page)).toEqual(pre.compatibility.findings.map((f) => `model check: ${f.message}`));
    expect(await page.locator('#infer .infer-result canvas.image').count()).toBe(2);
    await expectSameAsCli(page, path.join(cli, 'out-pre/reconstruction.npz'), 'browser-pre');
    await page.locator('#infer').screenshot({ path: path.join(SHOTS, 'model-pretrained.png') });

    // Trained with the physics-informed input (2 iterations): the same reconstruction as ptycho infer.
    await pickModel(page, 'iter2');
    expect(await view.locator('.model-card-words').textContent()).toMatch(/^Trained on measured scans taken with probeGuess of .*scan\.npz/);
    expect(await reconstruct(page)).toBe('done');
    const iter2 = cliInfer('iter2', 'unseen.npz', 'out-iter2');
    expect(await findings(page)).toEqual(iter2.compatibility.findings.map((f) => `model check: ${f.message}`));
    await expectSameAsCli(page, path.join(cli, 'out-iter2/reconstruction.npz'), 'browser-iter2');

    // No model-card.json: the card derived as the CLI derives it (steps unknown), the same findings.
    await pickModel(page, 'old');
    expect(await view.getAttribute('data-stored')).toBe('false');
    expect(await view.locator('.model-card-derived').count()).toBe(1);
    expect(await view.locator('.model-card-words').textContent()).toContain('steps unknown, doses 1.00e+6–1.00e+6 photons per pattern');
    expect(await reconstruct(page)).toBe('done');
    const old = cliInfer('old', 'unseen.npz', 'out-old');
    expect(old.compatibility.findings.some((f) => f.message.includes('does not say which steps'))).toBe(true);
    expect(await findings(page)).toEqual(old.compatibility.findings.map((f) => `model check: ${f.message}`));
    await expectSameAsCli(page, path.join(cli, 'out-old/reconstruction.npz'), 'browser-old');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a scan taken with another probe with ptycho infer\'s message (the correlation and the fix), then reconstructs it after "Reconstruct anyway" as ptycho infer --force does', { timeout: 600_000 }, async () => {
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const blank = await startView(empty);
    try {
      const page = await context.newPage();
      await page.goto(`${blank.url}?backend=wasm`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
      // The model directory and the scan as a user opens them ("Open a folder…", "Open files…").
      await page.setInputFiles('#folder', path.join(models, 'pre'));
      await page.waitForSelector('#infer[data-card="shown"] .model-card[data-dir="pre"]');
      await page.setInputFiles('#file', path.join(scans, 'other-probe.npz'));
      await page.waitForFunction(() => [...document.querySelectorAll('#infer select.pick-infer-scan option')].some((o) => o.textContent === 'other-probe.npz'));
      await page.waitForSelector('body[data-ready="1"]');
      await page.locator('#infer select.pick-infer-scan').selectOption('other-probe.npz');
      expect(await reconstruct(page)).toBe('refused');
      const stderr = ptycho(['infer', '--model', 'pre', '--data', 'other-probe.npz', '--out', 'refused', ...WASM], cli, 2).stderr;
      const cliError = stderr.split('\n').filter((l) => l.startsWith('error:') || l.startsWith('  - ')).join('\n');
      expect(cliError).toMatch(/^error: other-probe\.npz, key 'probeGuess': the model in pre cannot reconstruct this scan: the scan's probe correlates 0\.\d+ with the model's.*Pretrain one with this scan's probe: ptycho pretrain --probe other-probe\.npz/);
      expect(fs.existsSync(path.join(cli, 'refused'))).toBe(false);
      expect(await page.locator('#infer pre.error').textContent()).toBe(cliError);
      expect(await page.locator('#infer .compatibility').getAttribute('data-verdict')).toBe('refuse');
      expect(await page.locator('#infer .compatibility li.refusal').count()).toBe(1);
      expect(await page.locator('#infer .infer-result').textContent()).toBe('');
      expect(await page.locator('#infer progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(0);
      await page.locator('#infer').screenshot({ path: path.join(SHOTS, 'model-refused.png') });

      expect(await reconstruct(page, '#infer button.force-infer')).toBe('done');
      const forced = cliInfer('pre', 'other-probe.npz', 'forced', '--force');
      expect(forced.compatibility.verdict).toBe('refuse');
      expect(await page.locator('#infer .compatibility .verdict').textContent()).toContain('reconstructed anyway');
      expect(await findings(page)).toEqual(forced.compatibility.findings.map((f) => `model check: ${f.message}`));
      expect(await page.locator('#infer pre.error').count()).toBe(0);
      await expectSameAsCli(page, path.join(cli, 'forced/reconstruction.npz'), 'browser-forced');
      await page.locator('#infer').screenshot({ path: path.join(SHOTS, 'model-forced.png') });
      await page.close();
    } finally {
      blank.proc.kill();
    }
  });
});
