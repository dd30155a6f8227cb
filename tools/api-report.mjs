// The public surface of each publishable package, as API Extractor reports: one file a package.json
// `exports` entry (`packages/io/api/io.api.md`, `packages/io/api/io-node.api.md`, …), committed, so
// that any change to what a package exports, or to the shape of an exported function or type, is a
// visible diff in review. Run after `build` (it reads the emitted .d.ts files).
//   node tools/api-report.mjs           check: exits 1 naming each report that no longer matches
//   node tools/api-report.mjs --update  rewrite the reports (`npm run api`), then commit them
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');
const dirs = [...fs.readdirSync(path.join(root, 'packages')).sort().map((d) => `packages/${d}`), 'apps/cli'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-report-'));
const messages = { 'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None }, 'ae-forgotten-export': { logLevel: ExtractorLogLevel.None } };
let changed = 0;
try {
  for (const dir of dirs) {
    const pkgDir = path.join(root, dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const short = pkg.name.replace(/^@ptychojs\//, '');
    for (const [key, target] of Object.entries(pkg.exports ?? {})) {
      if (typeof target !== 'object' || !target.types) continue;
      const name = key === '.' ? short : `${short}-${key.replace(/^\.\//, '').replace(/\//g, '-')}`;
      const entry = path.join(pkgDir, target.types);
      if (!fs.existsSync(entry)) throw new Error(`${pkg.name}: ${path.relative(root, entry)} is missing; build first (npm run build)`);
      const config = ExtractorConfig.prepare({
        configObject: {
          projectFolder: pkgDir,
          mainEntryPointFilePath: entry,
          compiler: { overrideTsconfig: { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: ['node'], skipLibCheck: true, strict: true }, files: [entry] } },
          apiReport: { enabled: true, reportFileName: `${name}.api.md`, reportFolder: path.join(pkgDir, 'api'), reportTempFolder: tmp },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: { extractorMessageReporting: messages, compilerMessageReporting: {}, tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } } },
          newlineKind: 'lf',
        },
        configObjectFullPath: path.join(pkgDir, 'api-extractor.json'),
        packageJsonFullPath: path.join(pkgDir, 'package.json'),
      });
      fs.mkdirSync(path.join(pkgDir, 'api'), { recursive: true });
      const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (m) => { if (m.logLevel === ExtractorLogLevel.Info || m.logLevel === ExtractorLogLevel.Verbose) m.handled = true; } });
      const report = path.relative(root, path.join(pkgDir, 'api', `${name}.api.md`));
      // A changed report alone makes the check fail (succeeded is false): that is reported below, not thrown.
      if (!result.succeeded && !result.apiReportChanged) throw new Error(`${pkg.name} (${key}): API Extractor failed with ${result.errorCount} error(s)`);
      if (result.apiReportChanged) {
        changed++;
        console.error(update ? `api: ${report} updated` : `api: ${report} no longer matches ${pkg.name}'s ${key} exports: look at the change (diff against ${path.relative(root, path.join(tmp, `${name}.api.md`))}), then run \`npm run api\` and commit the report`);
      }
    }
  }
} finally {
  if (!changed || update) fs.rmSync(tmp, { recursive: true, force: true });
}
console.error(changed ? `api: ${changed} report(s) ${update ? 'updated' : 'changed'}` : 'api: every public surface matches its report');
process.exit(changed && !update ? 1 : 0);
