// `ptycho view` under load (issue 19), on 127.0.0.1 in this process: range requests from 50
// clients at once, clients that disconnect mid-transfer, a client that stops reading, and the
// malformed ranges that crashed sirv 3.0.2 (`bytes=500-100`) or got the wrong bytes. Bounded: a
// few hundred MB over loopback, a few seconds. Open files are counted in /proc/self/fd (Linux).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from './view-server.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-view-load-'));
const dir = path.join(base, 'results'), app = path.join(base, 'app');
const BIG = 256 << 20; // sparse: costs no disk, reads as zeros
const PATTERN = 4 << 20;
const pattern = Buffer.from(Array.from({ length: PATTERN }, (_, k) => (k * 31 + 7) & 255));
let server: ViewServer;
const hasProc = fs.existsSync('/proc/self/fd');
const openFiles = () => fs.readdirSync('/proc/self/fd').length;

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'pattern.bin'), pattern);
  fs.closeSync(fs.openSync(path.join(dir, 'big.bin'), 'w'));
  fs.truncateSync(path.join(dir, 'big.bin'), BIG);
  fs.closeSync(fs.openSync(path.join(dir, 'mid.bin'), 'w'));
  fs.truncateSync(path.join(dir, 'mid.bin'), 32 << 20);
  server = await startViewServer({ dir, appDir: app });
});
afterAll(async () => { await server.close(); fs.rmSync(base, { recursive: true, force: true }); });

interface Got { status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number }

/** GET `p` with an optional Range; `keepBody` false counts the bytes without keeping them. */
function get(p: string, range?: string, keepBody = true): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: p, headers: range ? { range } : {}, agent: false }, (res) => {
      const parts: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; if (keepBody) parts.push(c); });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts), bytes }));
    });
    req.on('error', reject);
  });
}

/** A client that reads the first bytes of `p` and then acts: stops reading (slow) or hangs up. */
function partial(p: string, after: 'pause' | 'disconnect'): Promise<{ received: () => number; destroy: () => void; closed: () => boolean }> {
  return new Promise((resolve, reject) => {
    let received = 0, closed = false;
    const req = http.get({ host: '127.0.0.1', port: server.port, path: p, agent: false }, (res) => {
      res.once('data', (c: Buffer) => {
        received += c.length;
        if (after === 'pause') res.pause(); else req.destroy();
        resolve({ received: () => received, destroy: () => req.destroy(), closed: () => closed });
      });
      res.on('data', (c: Buffer) => { received += c.length; });
    });
    req.on('close', () => { closed = true; });
    req.on('error', (e) => { if (after === 'pause') reject(e); });
  });
}

describe.skipIf(!hasProc)('startViewServer under load (issue 19)', () => {
  it('50 clients at once get their ranges right while a slow client and 20 that hang up cost no open files and bounded memory', async () => {
    await get('/data/pattern.bin', 'bytes=0-9'); // warm up sockets and module code before counting
    const files0 = openFiles(), rss0 = process.memoryUsage().rss;
    let rssMax = rss0;
    const sampler = setInterval(() => { rssMax = Math.max(rssMax, process.memoryUsage().rss); }, 10);
    try {
      const slow = await partial('/data/big.bin', 'pause');
      const quitters = await Promise.all(Array.from({ length: 20 }, () => partial('/data/big.bin', 'disconnect')));
      const ranges = Array.from({ length: 50 }, (_, k) => {
        const start = k * 81_920 + (k % 7), end = start + 65_535 + k;
        return { start, end, got: get('/data/pattern.bin', `bytes=${start}-${end}`) };
      });
      const whole = Array.from({ length: 4 }, () => get('/data/mid.bin', undefined, false));
      for (const r of ranges) {
        const g = await r.got;
        expect(g.status).toBe(206);
        expect(g.headers['content-range']).toBe(`bytes ${r.start}-${r.end}/${PATTERN}`);
        expect(g.body.equals(pattern.subarray(r.start, r.end + 1))).toBe(true);
      }
      for (const w of await Promise.all(whole)) expect([w.status, w.bytes]).toEqual([200, 32 << 20]);
      // The slow client is still connected, has not been sent the file, and held up no one.
      expect(slow.closed()).toBe(false);
      expect(slow.received()).toBeLessThan(BIG / 4);
      expect(quitters.every((q) => q.received() < BIG)).toBe(true);
      // Memory: the slow client's 256 MiB file is not buffered (back-pressure: one stream buffer and
      // the socket's); 128 MiB is half of it, far above vitest's own RSS noise (~20 MB).
      expect(rssMax - rss0).toBeLessThan(128 << 20);
      slow.destroy();
      // Every file stream was closed with its response (sirv alone leaked one per hang-up).
      await waitFor(() => openFiles() <= files0 + 1, 5000);
      expect(openFiles()).toBeLessThanOrEqual(files0 + 1);
    } finally {
      clearInterval(sampler);
    }
    expect((await get('/api/files')).status).toBe(200);
  });

  it('malformed and edge ranges: no crash, and the bytes RFC 9110 asks for', async () => {
    const tail = await get('/data/pattern.bin', 'bytes=-500');
    expect([tail.status, tail.headers['content-range']]).toEqual([206, `bytes ${PATTERN - 500}-${PATTERN - 1}/${PATTERN}`]);
    expect(tail.body.equals(pattern.subarray(PATTERN - 500))).toBe(true);
    const first = await get('/data/pattern.bin', 'bytes=0-0');
    expect([first.status, first.headers['content-range'], first.body.length, first.body[0]]).toEqual([206, `bytes 0-0/${PATTERN}`, 1, pattern[0]]);
    expect(first.headers['content-security-policy']).toMatch(/^sandbox/);
    for (const h of ['bytes=500-100', 'bytes=0-1,5-6', 'bytes=x-y']) {
      const g = await get('/data/pattern.bin', h, false);
      expect([h, g.status, g.bytes]).toEqual([h, 200, PATTERN]);
    }
    const past = await get('/data/pattern.bin', `bytes=${PATTERN}-`);
    expect([past.status, past.headers['content-range']]).toEqual([416, `bytes */${PATTERN}`]);
    const huge = await get('/data/pattern.bin', 'bytes=4194300-18446744073709551615');
    expect([huge.status, huge.body.length]).toEqual([206, 4]);
    expect((await get('/data/pattern.bin', 'bytes=10-19')).body.equals(pattern.subarray(10, 20))).toBe(true);
  });
});

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!ok() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 25));
}
