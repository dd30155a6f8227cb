import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from './view-server.js';

/** A raw HTTP request (no client-side normalization of `..`), returning status, headers and body. */
function request(port: number, rawPath: string, opts: { method?: string; host?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: opts.method ?? 'GET', headers: { host: opts.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-view-'));
const dir = path.join(base, 'results'), app = path.join(base, 'app');
let server: ViewServer;

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'recon'), { recursive: true });
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(dir, 'summary.json'), '{"metrics":null}');
  fs.writeFileSync(path.join(dir, 'recon', 'a b.npz'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(dir, '.hidden'), 'secret');
  fs.writeFileSync(path.join(dir, 'evil.html'), '<script>alert(1)</script>');
  fs.writeFileSync(path.join(base, 'outside.txt'), 'OUTSIDE');
  fs.symlinkSync(path.join(base, 'outside.txt'), path.join(dir, 'link-out.txt'));
  fs.symlinkSync(path.join(dir, 'summary.json'), path.join(dir, 'link-in.json'));
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>app</title>');
  server = await startViewServer({ dir, appDir: app });
});
afterAll(async () => { await server.close(); fs.rmSync(base, { recursive: true, force: true }); });

describe('startViewServer', () => {
  it('listens on 127.0.0.1 on a free port and serves the app at /', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await request(server.port, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>app</title>');
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('lists the folder: regular files and links that stay inside, no dotfiles, no links that leave', async () => {
    const r = await request(server.port, '/api/files');
    expect(JSON.parse(r.body)).toEqual({
      name: 'results', truncated: false,
      files: [{ path: 'evil.html', size: 25 }, { path: 'link-in.json', size: 16 }, { path: 'summary.json', size: 16 }, { path: 'recon/a b.npz', size: 3 }],
    });
  });

  it('serves the files read-only under /data, byte for byte, under a sandbox policy', async () => {
    const r = await request(server.port, '/data/recon/a%20b.npz');
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body, 'latin1')).toEqual(Buffer.from([1, 2, 3]));
    const html = await request(server.port, '/data/evil.html');
    expect(html.headers['content-security-policy']).toBe("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    for (const method of ['PUT', 'POST', 'DELETE']) expect((await request(server.port, '/data/summary.json', { method })).status).toBe(405);
  });

  it('never reaches outside the folder: .., encoded .., links out, dotfiles', async () => {
    for (const p of ['/data/../outside.txt', '/data/%2e%2e/outside.txt', '/data/..%2foutside.txt', '/data/recon/../../outside.txt', '/data/link-out.txt', '/data/.hidden', '/../outside.txt', '/%2e%2e/outside.txt']) {
      const r = await request(server.port, p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body, p).not.toContain('OUTSIDE');
    }
    expect((await request(server.port, '/data/link-in.json')).body).toBe('{"metrics":null}');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await request(server.port, '/api/files', { host: 'evil.example:80' })).status).toBe(403);
    expect((await request(server.port, '/api/files', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});
