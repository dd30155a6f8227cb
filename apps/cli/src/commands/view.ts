/**
 * `ptycho view DIR`: open a results folder in the web viewer (SPEC §1). Serves the built app and
 * DIR's files read-only on 127.0.0.1 (a free port unless `--port`), prints the address, and with
 * `--open` launches the default browser. Works on the output of `run`, `demo`, `infer`, `train`,
 * and on a folder of raw scans: the app decides what to show from the file listing.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import open from 'open';
import { InputError } from '@ptychojs/io';
import { createUi } from '../ui.js';
import { startViewServer, type ViewServer } from '../view/view-server.js';
import { webAppDir } from '../view/web-app-dir.js';

interface ViewFlags { port?: string; open?: boolean; json?: boolean; quiet?: boolean }

/** Serves until Ctrl-C (SIGINT) or SIGTERM, then closes the server. */
function untilClosed(server: ViewServer): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => { void server.close().then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerView(program: Command): void {
  program
    .command('view')
    .description('open a results folder (run, demo, infer, train output, or raw scans) in the web viewer on 127.0.0.1')
    .argument('<dir>', 'folder to show (served read-only)')
    .option('--port <n>', 'TCP port (default: a free one)')
    .option('--open', 'open the default browser')
    .option('--json', 'print {"url": …} on stdout once serving')
    .option('--quiet', 'no human-readable output')
    .action(async (dir: string, flags: ViewFlags) => {
      const ui = createUi(flags);
      let st: fs.Stats | undefined;
      try { st = fs.statSync(dir); } catch { /* reported below */ }
      if (!st?.isDirectory()) throw new InputError('not a folder', { file: dir, expected: 'a folder of results or scans', actual: st ? 'a file' : 'absent' });
      const port = flags.port === undefined ? 0 : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('invalid port', { key: '--port', expected: 'an integer 0…65535', actual: String(flags.port) });
      let server: ViewServer;
      try {
        server = await startViewServer({ dir, appDir: webAppDir(), port });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new InputError('port already in use', { key: '--port', expected: 'a free port (or leave --port out)', actual: String(port) });
        throw e;
      }
      ui.result({ url: server.url, dir });
      ui.info(`serving ${dir} read-only at ${server.url} (Ctrl-C to stop)`);
      if (flags.open) {
        try { await open(server.url); } catch (e) { ui.warn(`could not open a browser (${(e as Error).message}); open ${server.url} yourself`); }
      }
      await untilClosed(server);
    });
}
