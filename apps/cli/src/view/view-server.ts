/**
 * The server behind `ptycho view DIR`: the built web app at `/`, the folder's files read-only at
 * `/data/…`, and a listing of them at `/api/files`, on 127.0.0.1 only.
 *
 * Static serving is sirv's (range requests, ETags, MIME types, containment of `..`); around it this
 * module adds what a viewer of someone's results needs: GET/HEAD only; a Host check against DNS
 * rebinding; a second containment check on the real path, so a symbolic link inside DIR cannot
 * reach outside it; no dotfiles; and files from DIR served under a `sandbox` content security
 * policy, so an HTML or SVG file among the results can never run script in the app's origin.
 *
 * Under load (issue 19): every file stream sirv pipes into a response is closed with the response,
 * so a client that disconnects mid-transfer leaves no open file behind, and a read error ends that
 * response instead of the process; a slow client holds one stream's buffer (back-pressure), not
 * the file. Range headers are read here (RFC 9110, one range; `byteRange`) and handed to sirv only
 * in the form it reads correctly: sirv 3.0.2 crashes the process on `bytes=500-100`, serves the
 * first bytes for a suffix range `bytes=-500`, and the whole file for `bytes=0-0`.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import sirv from 'sirv';
import { byteRange } from './byte-range.js';
import { inside, listFiles } from './list-files.js';

/** Options of {@link startViewServer}. */
export interface ViewServerOptions {
  /** The folder whose files are shown (read-only). */
  readonly dir: string;
  /** The built web app (index.html and assets). */
  readonly appDir: string;
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
}

/** A running view server. */
export interface ViewServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The app's own pages may run our bundled scripts and wasm, and talk only to this server. */
const APP_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; connect-src 'self' blob: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/** Files from DIR are data: opened directly, they render in an opaque origin without scripts (report.html keeps its inline images and styles). */
const DATA_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/**
 * Start the view server on 127.0.0.1.
 * @throws Error when the port is taken (EADDRINUSE) or DIR/appDir are not folders
 */
export async function startViewServer(opts: ViewServerOptions): Promise<ViewServer> {
  const root = fs.realpathSync(opts.dir);
  const appDir = fs.realpathSync(opts.appDir);
  const app = sirv(appDir, { etag: true, dev: false, extensions: ['html'], setHeaders: (res) => res.setHeader('Content-Security-Policy', APP_CSP) });
  const data = sirv(root, { etag: true, dev: true, dotfiles: false, extensions: [], setHeaders: (res) => res.setHeader('Content-Security-Policy', DATA_CSP) });
  let port = 0;

  const server = http.createServer((req, res) => {
    res.on('pipe', (src: Readable) => {
      src.on('error', () => res.destroy());
      res.once('close', () => src.destroy());
    });
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const fail = (code: number, text: string) => { res.statusCode = code; res.setHeader('Content-Type', 'text/plain; charset=utf-8'); res.end(`${text}\n`); };
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return fail(403, 'forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.setHeader('Allow', 'GET, HEAD'); return fail(405, 'read-only: GET and HEAD only'); }
    let pathname: string;
    try { pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { return fail(400, 'malformed URL'); }
    if (pathname.includes('\0')) return fail(400, 'malformed URL');

    if (pathname === '/api/files') {
      const { files, truncated } = listFiles(root);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      return res.end(JSON.stringify({ name: path.basename(root), files, truncated }));
    }
    if (pathname === '/data' || pathname.startsWith('/data/')) {
      const rel = pathname.slice('/data'.length);
      const target = path.join(root, rel);
      if (!inside(root, target) || rel.split('/').some((s) => s.startsWith('.'))) return fail(404, 'not found');
      let real: string;
      try { real = fs.realpathSync(target); } catch { return fail(404, 'not found'); }
      if (!inside(root, real)) return fail(404, 'not found');
      let st: fs.Stats;
      try { st = fs.statSync(real); } catch { return fail(404, 'not found'); }
      if (st.isFile()) {
        const range = byteRange(req.headers.range, st.size);
        if (range.kind === 'unsatisfiable') {
          res.writeHead(416, { 'Content-Range': `bytes */${st.size}`, 'Content-Security-Policy': DATA_CSP });
          return res.end();
        }
        if (range.kind === 'whole') delete req.headers.range;
        else if (range.end === 0 && st.size > 1) return sendFirstByte(res, real, st.size);
        else req.headers.range = `bytes=${range.start}-${range.end}`;
      }
      req.url = rel.split('/').map(encodeURIComponent).join('/') || '/';
      return data(req, res, () => fail(404, 'not found'));
    }
    return app(req, res, () => fail(404, 'not found'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** `Range: bytes=0-0`, which sirv answers with the whole file: the first byte, as RFC 9110 asks. */
function sendFirstByte(res: http.ServerResponse, file: string, size: number): void {
  const one = Buffer.alloc(1);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    fs.readSync(fd, one, 0, 1, 0);
  } catch {
    res.statusCode = 404;
    res.end('not found\n');
    return;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  res.writeHead(206, {
    'Content-Range': `bytes 0-0/${size}`, 'Content-Length': 1, 'Accept-Ranges': 'bytes',
    'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Security-Policy': DATA_CSP,
  });
  res.end(one);
}
