/**
 * What the end-to-end suite needs: the built `ptycho` binary as a user runs it, a `ptycho view`
 * server, and Debian's Chromium driven by playwright-core (never a downloaded browser).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { parseReconstruction } from '@ptychojs/io';

const CLI = path.resolve(import.meta.dirname, '../../cli/dist/main.js');
const CHROMIUM = '/usr/bin/chromium';
/**
 * Why the suite cannot run here, or undefined when it can. In CI (CI set, `.ci/run` installs
 * Chromium) it always runs, so a missing browser fails instead of skipping.
 */
export const skipReason = process.env.CI ? undefined : !fs.existsSync(CHROMIUM)
  ? `${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)`
  : !fs.existsSync(path.resolve(import.meta.dirname, '../../cli/dist/web/index.html')) ? 'the CLI with its web app is not built (npx nx run @ptychojs/cli:build)' : undefined;
/** Screenshots for a person to look at. */
export const SHOTS = path.resolve(import.meta.dirname, '../test-output/e2e');

/** Run `ptycho ARGS` to completion in `cwd`; throws with its stderr unless it exits with `expectCode`. */
export function ptycho(args: string[], cwd: string, expectCode = 0): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== expectCode) throw new Error(`ptycho ${args.join(' ')} exited ${r.status} (expected ${expectCode}):\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Start `ptycho view DIR --json` and resolve to its URL once it serves. */
export async function startView(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [CLI, 'view', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); try { resolve((JSON.parse(out) as { url: string }).url); } catch { /* more to come */ } });
    proc.once('exit', (code) => reject(new Error(`ptycho view exited ${code}: ${err}`)));
  });
  return { url, proc };
}

/** Headless Chromium with a fresh profile and no background traffic (this machine has no network). */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  return { context, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

/**
 * How far the browser's reconstruction b is from the CLI's c: the largest |object| of c and the
 * largest difference of a real or imaginary part (the caller checks that the shapes agree).
 */
export function objectDifference(b: ReturnType<typeof parseReconstruction>, c: ReturnType<typeof parseReconstruction>): { maxAbs: number; maxDiff: number } {
  let maxAbs = 0, maxDiff = 0;
  for (let i = 0; i < c.object.re.length; i++) {
    maxAbs = Math.max(maxAbs, Math.hypot(c.object.re[i]!, c.object.im[i]!));
    maxDiff = Math.max(maxDiff, Math.abs(b.object.re[i]! - c.object.re[i]!), Math.abs(b.object.im[i]! - c.object.im[i]!));
  }
  return { maxAbs, maxDiff };
}
