// npm start's keys: random per install, private (mode 600), reused on the next start, and never
// replacing a key set in the environment.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ensureSecrets, GENERATED_KEYS, parseEnvFile, withSecrets } from './secrets.mjs';

const dirs = [];
const freshInstall = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cws-install-'));
  dirs.push(dir);
  return path.join(dir, 'var', 'secrets.env');
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('two fresh installs get different keys, each in a file only its owner can read', () => {
  const a = ensureSecrets(freshInstall());
  const b = ensureSecrets(freshInstall());
  assert.equal(a.created, true);
  assert.equal(b.created, true);
  for (const name of Object.keys(GENERATED_KEYS)) {
    assert.ok(a.keys[name], `${name} generated`);
    assert.notEqual(a.keys[name], b.keys[name], `${name} differs between installs`);
  }
  assert.match(a.keys.PII_KEY, /^[0-9a-f]{64}$/);
  assert.notEqual(a.keys.PII_KEY, a.keys.PII_HASH_KEY);
  assert.ok(a.keys.JWT_SECRET.length >= 32);
});

test('the keys file is mode 600, reused on the next start, and completed when a key is added', () => {
  const file = freshInstall();
  const first = ensureSecrets(file);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const again = ensureSecrets(file);
  assert.equal(again.created, false);
  assert.deepEqual(again.keys, first.keys);
  // an older file without a key gains only that key
  const text = readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('GATEWAY_SECRET=')).join('\n');
  rmSync(file);
  ensureSecretsFrom(file, text);
  const completed = ensureSecrets(file);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(completed.keys.JWT_SECRET, first.keys.JWT_SECRET);
  assert.ok(completed.keys.GATEWAY_SECRET);
  assert.deepEqual(parseEnvFile(readFileSync(file, 'utf8')), completed.keys);
});

test('a key set in the environment wins over the file', () => {
  const { env } = withSecrets({ JWT_SECRET: 'x'.repeat(40) }, freshInstall());
  assert.equal(env.JWT_SECRET, 'x'.repeat(40));
  assert.match(env.PII_KEY, /^[0-9a-f]{64}$/);
});

/** A file written by an older version, and readable by others: ensureSecrets must complete and tighten it. */
function ensureSecretsFrom(file, text) {
  writeFileSync(file, text, { mode: 0o644 });
  chmodSync(file, 0o644);
}
