#!/usr/bin/env node
// npm test: lint (with module boundaries), type-check, unit tests, integration tests against real
// MySQL and Redis (found or started like npm start does), the admin UI's unit tests and the
// browser tests in Debian's Chromium. Prints one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMysql, ensureRedis } from '../start/infra.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = path.join(root, 'tmp/test-results');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit int`

const totals = { passed: 0, failed: 0 };
const steps = [];
/** The failed tests by name, repeated after the summary: CI keeps only the tail of the output. */
const failures = [];

function run(name, cmd, args, { env = process.env, count } = {}) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const ok = r.status === 0;
  let counted = false;
  if (count) {
    const c = count();
    if (c) {
      totals.passed += c.passed;
      totals.failed += c.failed;
      failures.push(...(c.names ?? []).map((n) => `${name}: ${n}`));
      counted = true;
    }
  }
  if (!ok && !counted) totals.failed += 1; // a failed lint or type-check counts as one failure
  steps.push(`${name} ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const jestCount = (file) => () => {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const names = j.testResults.flatMap((suite) => {
    const file = path.relative(root, suite.name);
    const failed = suite.assertionResults.filter((t) => t.status === 'failed').map((t) => `${file} › ${t.fullName}`);
    return failed.length || suite.status !== 'failed' ? failed : [`${file} (${(suite.message ?? '').split('\n')[0]})`];
  });
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0), names };
};

/** node's test runner: the spec report on screen, TAP in a file to count from. */
const nodeTest = (name, dir) => ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tmp}/${name}.tap`, dir];
const tapCount = (name) => () => {
  const file = `${tmp}/${name}.tap`;
  if (!existsSync(file)) return null;
  const tap = readFileSync(file, 'utf8');
  const n = (k) => Number((new RegExp(`^# ${k} (\\d+)`, 'm').exec(tap) ?? [])[1] ?? 0);
  const names = [...tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]);
  return { passed: n('pass'), failed: n('fail'), names };
};

const env = { ...process.env };
if (!only.length || only.includes('int') || only.includes('e2e')) {
  env.MYSQL_URL = await ensureMysql();
  env.REDIS_URL = await ensureRedis();
}

// a fresh project graph (no daemon): the boundary rule reads it
run('lint', 'sh', ['-c', 'NX_DAEMON=false npx nx show projects >/dev/null && npx eslint . --max-warnings 0']);
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
run('typecheck-admin', 'npx', ['tsc', '-p', 'apps/admin/tsconfig.json']);
run('unit', 'npx', ['jest', '--ci', '--json', `--outputFile=${tmp}/unit.json`], { count: jestCount(`${tmp}/unit.json`) });
run('admin-unit', 'npx', ['vitest', 'run', '--config', 'apps/admin/vite.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${tmp}/admin.json`], {
  count: jestCount(`${tmp}/admin.json`),
});
run('int', 'npx', ['jest', '-c', 'jest.int.config.js', '--ci', '--json', `--outputFile=${tmp}/int.json`], { env, count: jestCount(`${tmp}/int.json`) });
run('tools', 'node', nodeTest('tools', 'tools/start/'), { count: tapCount('tools') });
run('e2e', 'node', nodeTest('e2e', 'apps/admin-e2e/src/'), { env, count: tapCount('e2e') });

console.log(`\nsteps: ${steps.join('; ')}`);
for (const f of failures) console.log(`FAILED ${f}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && steps.every((s) => !s.includes('FAILED')) ? 0 : 1);
