// One port for the suite: /api/<service>/... goes to that service, /admin/queues (Bull Board) to workers, everything else is the admin UI
// (static files with a fallback to index.html for client-side routes). Plain node:http, no deps.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { apiDocsPage, BUNDLE_PATH, DOCS_PATH, REDOC_BUNDLE } from './api-docs.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * @param {{ port: number, host?: string, services: Record<string, string>, staticDir?: string, gatewaySecret?: string }} opts
 *   gatewaySecret: sent as X-Cws-Gateway so the services believe this gateway's X-Forwarded-For and nobody else's
 * @returns {Promise<http.Server>}
 */
export function startGateway({ port, host = '0.0.0.0', services, staticDir, gatewaySecret }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    // the rendered reference of all services (before the /api/<service> proxy: "docs" is no service)
    if (url.pathname === DOCS_PATH || url.pathname === `${DOCS_PATH}/`) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      return res.end(req.method === 'HEAD' ? undefined : apiDocsPage(Object.keys(services)));
    }
    if (url.pathname === BUNDLE_PATH) {
      if (!REDOC_BUNDLE) return json(res, 404, { code: 'DOCS_NOT_INSTALLED', message: 'redoc is not installed (npm install)', details: [] });
      return serveStatic(req, res, path.dirname(REDOC_BUNDLE), `/${path.basename(REDOC_BUNDLE)}`);
    }
    const match = /^\/api\/([a-z]+)(\/|$)/.exec(url.pathname);
    if (match) {
      const target = services[match[1]];
      if (!target) return json(res, 404, { code: 'NO_SUCH_SERVICE', message: `No service "${match[1]}"`, details: [] });
      return proxy(req, res, target, gatewaySecret);
    }
    // Bull Board (CITY_ADMIN only) is served by the workers service, which checks the sign-in.
    if (/^\/admin\/queues(\/|$)/.test(url.pathname) && services.workers) return proxy(req, res, services.workers, gatewaySecret);
    if (!staticDir || !existsSync(staticDir)) {
      return json(res, 404, { code: 'UI_NOT_BUILT', message: 'The admin UI has not been built', details: [] });
    }
    serveStatic(req, res, staticDir, url.pathname);
  });
  server.keepAliveTimeout = 5000;
  if (staticDir) warm(staticDir);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function proxy(req, res, target, gatewaySecret) {
  const t = new URL(target);
  // The client address replaces whatever the client claimed; the gateway proof is never taken from the client.
  const headers = { ...req.headers, host: t.host, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' };
  delete headers['x-cws-gateway'];
  if (gatewaySecret) headers['x-cws-gateway'] = gatewaySecret;
  const upstream = http.request(
    { hostname: t.hostname, port: t.port, method: req.method, path: req.url, headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    if (!res.headersSent) json(res, 502, { code: 'BAD_GATEWAY', message: `Upstream ${target} failed: ${err.message}`, details: [] });
    else res.destroy();
  });
  req.pipe(upstream);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);
/** Compressed copies of static files, made once per file version (path + mtime + size). */
const compressed = new Map();

/** The encoding to answer with: brotli, else gzip, when the client accepts it (q=0 refuses). */
export function pickEncoding(acceptEncoding = '') {
  const accepted = new Map(
    String(acceptEncoding)
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([name]) => name)
      .map(([name, ...params]) => [name.trim().toLowerCase(), Number((params.find((p) => p.trim().startsWith('q=')) ?? 'q=1').trim().slice(2))]),
  );
  for (const enc of ['br', 'gzip']) if ((accepted.get(enc) ?? accepted.get('*') ?? 0) > 0) return enc;
  return null;
}

/** A promise of the file compressed (in zlib's thread pool, so the proxy keeps answering meanwhile). */
function compressedCopy(file, stat, encoding) {
  const key = `${encoding}:${file}:${stat.mtimeMs}:${stat.size}`;
  let body = compressed.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body = promisify(encoding === 'br' ? zlib.brotliCompress : zlib.gzip)(
      raw,
      encoding === 'br' ? { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } } : { level: 9 },
    );
    compressed.set(key, body);
    body.catch(() => compressed.delete(key));
  }
  return body;
}

/** Compresses the UI's text files ahead of the first visit. */
function warm(staticDir) {
  const dirs = [staticDir, path.join(staticDir, 'assets')].filter((d) => existsSync(d));
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (!COMPRESSIBLE.has(path.extname(file)) || !statSync(file).isFile()) continue;
      for (const enc of ['br', 'gzip']) compressedCopy(file, statSync(file), enc).catch(() => undefined);
    }
  }
}

function serveStatic(req, res, root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return json(res, 400, { code: 'BAD_PATH', message: 'The path is not valid percent-encoding', details: [] });
  }
  let file = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
  const ext = path.extname(file);
  const headers = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // hashed assets can be cached for long; index.html never
    'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  // text assets go compressed (brotli or gzip, made once per file and kept in memory)
  const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : null;
  if (encoding) {
    compressedCopy(file, statSync(file), encoding).then(
      (body) => {
        res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length, vary: 'Accept-Encoding' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => json(res, 500, { code: 'COMPRESSION_FAILED', message: 'The file could not be compressed', details: [] }),
    );
    return;
  }
  res.writeHead(200, COMPRESSIBLE.has(ext) ? { ...headers, vary: 'Accept-Encoding' } : headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
