#!/usr/bin/env node
// npm run bench [-- name…]: runs the compiled benchmarks in dist/tools/bench (npm run bench compiles first).
// Figures are recorded by hand in docs/benchmarks.md with the date and machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'dist/tools/bench');
const wanted = process.argv.slice(2);
const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.js') && (!wanted.length || wanted.some((w) => f.startsWith(w))));
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const r = spawnSync('node', [path.join(dir, file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
