// The one-port gateway: static UI with client-side routes, refusals for bad paths, unknown
// services and dead upstreams, and proxying with the caller's headers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { pickEncoding, startGateway } from './gateway.mjs';

let gateway;
let upstream;
let base;

before(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cws-gw-'));
  writeFileSync(path.join(dir, 'index.html'), '<h1>admin</h1>');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'app-1.js'), `export const x = ${JSON.stringify('社区工作者'.repeat(2000))};`);
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

test('serves text assets brotli- or gzip-compressed as the client accepts, plain otherwise', async () => {
  const raw = `export const x = ${JSON.stringify('社区工作者'.repeat(2000))};`;
  const get = (encoding) =>
    new Promise((resolve, reject) => {
      http.get(`${base}/assets/app-1.js`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  const br = await get('gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < raw.length / 10, `${br.body.length} bytes`);
  assert.equal(zlib.brotliDecompressSync(br.body).toString(), raw);
  const gz = await get('gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gz.body).toString(), raw);
  const plain = await get(null);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), raw);
  assert.equal(pickEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(pickEncoding('identity'), null);
});

test('/api/docs renders every service with Redoc served from node_modules (no CDN)', async () => {
  const page = await fetch(`${base}/api/docs`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /text\/html/);
  const html = await page.text();
  for (const s of ['workers', 'payroll']) assert.ok(html.includes(`?service=${s}`), s);
  assert.ok(html.includes("Redoc.init('/api/' + service + '/docs-json'"));
  // nothing loaded from elsewhere: every src and href is local
  assert.deepEqual([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('/') && !u.startsWith('?')), []);
  const src = /<script src="([^"]+)"/.exec(html)[1];
  const bundle = await fetch(`${base}${src}`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers.get('content-type'), /javascript/);
  const js = await bundle.text();
  assert.ok(js.length > 500_000 && js.includes('Redoc'), 'the Redoc standalone bundle');
  // the document the page asks for is proxied to the service
  const doc = await fetch(`${base}/api/workers/docs-json`);
  assert.equal((await doc.json()).url, '/api/workers/docs-json');
});
