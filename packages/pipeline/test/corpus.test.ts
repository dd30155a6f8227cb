// The corpus of malformed and implausible inputs (scripts/make_corpus.py writes test/corpus/ and
// cases.json). Every case is read the way the CLI reads a scan — readNpzFile (and parseNpz on the
// same bytes) → checkRawData → assessScan (for what the case's command needs: SCAN_NEEDS), with
// the amplitude reading unless the case says (the CLI's default reading of integer dtypes as
// counts is checkScan's, tested there and in apps/cli) — and must reach its documented outcome: an InputError
// at reading, a contract problem, or exactly the listed assessScan problem and warning codes.
// Nothing may throw anything but an InputError.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRawData, isInputError, parseNpy, parseNpz, type DiffractionKind, type NdArray } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { assessScan } from '../src/scan/assess-scan.js';
import type { AssessScanSettings, ScanAssessment } from '../src/scan/assess/types.js';
import { SCAN_NEEDS, type ScanCommand } from '../src/scan/check-scan.js';

const CORPUS = path.resolve(import.meta.dirname, 'corpus');

interface Expect {
  read?: string[];
  contract?: string[];
  problems?: string[];
  warnings?: string[];
  notes?: string[];
  messageHas?: string[];
  fixHas?: string[];
  warningKey?: string;
  evaluation?: boolean;
  storedDtype?: string;
}
interface Case {
  name: string; file: string; kind: string; what: string; expect: Expect;
  /** The command (what it needs of the scan: SCAN_NEEDS) and its settings, as checkScan is given them. */
  settings?: { command: ScanCommand } & Omit<AssessScanSettings, 'needs'>; read?: { maxBytes?: number; diffraction?: DiffractionKind };
}
const { cases } = JSON.parse(fs.readFileSync(path.join(CORPUS, 'cases.json'), 'utf8')) as { cases: Case[] };
/** A case's settings as assessScan takes them: what its command needs of the scan (`run` unless it says). */
function assessSettings(c: Case): AssessScanSettings {
  const { command, ...rest } = c.settings ?? { command: 'run' };
  return { needs: SCAN_NEEDS[command], ...rest };
}
const tally = { cases: 0, rejectedAtRead: 0, rejectedByContract: 0, refusedByAssess: 0, warned: 0, clean: 0, crashes: 0 };

/** Run `f`; an InputError is returned, anything else thrown is a crash (counted, then rethrown). */
function attempt<T>(f: () => T): { value?: T; error?: Error } {
  try {
    return { value: f() };
  } catch (e) {
    if (isInputError(e)) return { error: e as Error };
    tally.crashes++;
    throw e;
  }
}

describe('every corpus case reaches its documented outcome, and only InputErrors are thrown', () => {
  it('the corpus is small (a few kB a file, < 2 MB in all) and every file has a case', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f !== 'cases.json');
    const bytes = files.reduce((s, f) => s + fs.statSync(path.join(CORPUS, f)).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 ** 2);
    for (const f of files) expect(fs.statSync(path.join(CORPUS, f)).size, f).toBeLessThan(64 * 1024);
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(files));
  });

  it.each(cases.map((c) => [`${c.kind}: ${c.name} — ${c.what}`, c] as const))('%s', (_, c) => {
    tally.cases++;
    const file = path.join(CORPUS, c.file);
    const maxBytes = c.read?.maxBytes;
    const before = process.memoryUsage().arrayBuffers;
    const fromDisk = attempt(() => (c.file.endsWith('.npy') ? { x: parseNpy(new Uint8Array(fs.readFileSync(file)), { file, maxBytes }) } : readNpzFile(file, { maxBytes })));
    // The same bytes from memory (the browser's path) must give the same outcome.
    const fromMemory = c.file.endsWith('.npy') ? fromDisk : attempt(() => parseNpz(new Uint8Array(fs.readFileSync(file)), { file, maxBytes }));
    // Lying headers are refused in bounded memory: nothing near a declared size (≥ 4.2 GB in this
    // corpus) was allocated. Array-buffer memory right after the refusal includes the inflater's
    // short-lived buffers (tens of MB before a GC), hence 256 MiB, still 16× below the smallest lie.
    if (c.kind === 'lying header' || c.kind === 'zip bomb') expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * 1024 ** 2);
    const e = c.expect;
    if (e.read) {
      tally.rejectedAtRead++;
      for (const r of [fromDisk, fromMemory]) {
        expect(r.error, 'expected an InputError at reading').toBeDefined();
        expect(r.error!.message).toContain(c.file);
        for (const s of e.read) expect(r.error!.message).toContain(s);
      }
      return;
    }
    expect(fromDisk.error?.message).toBeUndefined();
    expect(fromMemory.error?.message).toBeUndefined();
    const arrays = fromDisk.value as Record<string, NdArray>;
    const check = attempt(() => checkRawData(arrays, file, { diffraction: c.read?.diffraction })).value!;
    if (e.contract) {
      tally.rejectedByContract++;
      expect(check.raw).toBeUndefined();
      const text = check.problems.join('\n');
      for (const s of e.contract) expect(text).toContain(s);
      for (const p of check.problems) expect(p.startsWith(`${file}, key '`), p).toBe(true);
      return;
    }
    expect(check.problems).toEqual([]);
    const raw = check.raw!;
    for (const s of e.notes ?? []) expect(check.notes.join('\n')).toContain(s);
    if (e.storedDtype) expect(raw.storedDtypes![raw.diffractionKey!]).toBe(e.storedDtype);
    const a: ScanAssessment = attempt(() => assessScan(raw, assessSettings(c))).value!;
    expect({ problems: a.problems.map((p) => p.code).sort(), warnings: a.warnings.map((w) => w.code).sort() })
      .toEqual({ problems: [...(e.problems ?? [])].sort(), warnings: [...(e.warnings ?? [])].sort() });
    for (const i of [...a.problems, ...a.warnings]) {
      // Every finding names file, key, expected and actual, and says what to do.
      expect(i.message.startsWith(`${file}, key '${i.key}': `), i.message).toBe(true);
      expect(i.message).toContain(`expected ${i.expected}`);
      expect(i.message).toContain(`got ${i.actual}`);
      for (const f of [i.key, i.expected, i.actual, i.fix]) expect(f.length).toBeGreaterThan(0);
    }
    for (const s of e.messageHas ?? []) expect(a.warnings.map((w) => w.message).join('\n')).toContain(s);
    for (const s of e.fixHas ?? []) expect(a.warnings.map((w) => w.fix).join('\n')).toContain(s);
    if (e.warningKey) expect(a.warnings.map((w) => w.key)).toContain(e.warningKey);
    if (e.evaluation !== undefined) {
      expect(a.evaluation.possible).toBe(e.evaluation);
      if (!e.evaluation) expect(a.evaluation.reason).toMatch(/SSIM window|objectGuess|not finite/);
    }
    if (a.problems.length > 0) tally.refusedByAssess++;
    else if (a.warnings.length > 0) tally.warned++;
    else tally.clean++;
    // strict turns every warning into a problem and leaves none behind.
    const strict = assessScan(raw, { ...assessSettings(c), strict: true });
    expect(strict.warnings).toEqual([]);
    expect(strict.problems.map((p) => p.code).sort()).toEqual([...(e.problems ?? []), ...(e.warnings ?? [])].sort());
  });
});

afterAll(() => {
  // The numbers the issue asks for (printed, for the report).
  console.log(`corpus: ${JSON.stringify(tally)}`);
});
