// The one-port gateway: static UI with client-side routes, refusals for bad paths, unknown
// services and dead upstreams, and proxying with the caller's headers.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startGateway } from './gateway.mjs';

let gateway;
let upstream;
let base;

before(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cws-gw-'));
  writeFileSync(path.join(dir, 'index.html'), '<h1>admin</h1>');
  upstream = http.createServer((req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, requestId: req.headers['x-request-id'] ?? null, forwardedFor: req.headers['x-forwarded-for'] ?? null, proof: req.headers['x-cws-gateway'] ?? null }));
  });
  await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    staticDir: dir,
    services: { workers: `http://127.0.0.1:${upstream.address().port}`, payroll: 'http://127.0.0.1:1' },
  });
  base = `http://127.0.0.1:${gateway.address().port}`;
});

after(() => {
  gateway?.close();
  upstream?.close();
});

test('proxies /api/<service>/… with path, query and request id', async () => {
  const res = await fetch(`${base}/api/workers/v1/districts?x=1`, { headers: { 'x-request-id': 'r-1' } });
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.equal(body.url, '/api/workers/v1/districts?x=1');
  assert.equal(body.requestId, 'r-1');
  assert.ok(body.forwardedFor);
});

test('serves index.html for client-side routes and never leaves its folder', async () => {
  for (const p of ['/', '/workers/42', '/../../etc/passwd']) {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '<h1>admin</h1>');
  }
});

test('answers in the suite’s error shape for a bad path, an unknown service and a dead upstream', async () => {
  const bad = await fetch(`${base}/%E0%A4%A`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).code, 'BAD_PATH');
  const unknown = await fetch(`${base}/api/nope/v1/x`);
  assert.equal(unknown.status, 404);
  assert.equal((await unknown.json()).code, 'NO_SUCH_SERVICE');
  const dead = await fetch(`${base}/api/payroll/health`);
  assert.equal(dead.status, 502);
  assert.equal((await dead.json()).code, 'BAD_GATEWAY');
});

test('replaces the client-sent X-Forwarded-For and gateway proof with its own', async () => {
  const spoof = { 'x-forwarded-for': '10.9.8.7', 'x-cws-gateway': 'guessed' };
  const plain = await (await fetch(`${base}/api/workers/v1/x`, { headers: spoof })).json();
  assert.notEqual(plain.forwardedFor, '10.9.8.7');
  assert.equal(plain.proof, null);
  const proving = await startGateway({ port: 0, host: '127.0.0.1', services: { workers: `http://127.0.0.1:${upstream.address().port}` }, gatewaySecret: 's'.repeat(40) });
  try {
    const body = await (await fetch(`http://127.0.0.1:${proving.address().port}/api/workers/v1/x`, { headers: spoof })).json();
    assert.equal(body.proof, 's'.repeat(40));
    assert.notEqual(body.forwardedFor, '10.9.8.7');
  } finally {
    proving.close();
  }
});
