#!/usr/bin/env node
// `npm run bench`: speed and memory of the pipeline stages, as JSON on stdout. Every figure is also
// given as a ratio to a baseline measured in the same run (the machine is noisy; ratios travel).
// Sections: `node bench/run.mjs [section ...]` runs a subset (io, grouping, ...); `soak` runs only
// when named, for `--minutes N` (default 30; also BENCH_SOAK_MINUTES).
import { parseArgs } from 'node:util';
import { namedOnly, sections } from './sections.mjs';

const { values, positionals: wanted } = parseArgs({ options: { minutes: { type: 'string' } }, allowPositionals: true });
if (values.minutes !== undefined) process.env.BENCH_SOAK_MINUTES = values.minutes;
const results = { node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString(), sections: {} };
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length ? !wanted.includes(name) : namedOnly.has(name)) continue;
  process.stderr.write(`bench: ${name} …\n`);
  const t0 = performance.now();
  results.sections[name] = await run();
  process.stderr.write(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
