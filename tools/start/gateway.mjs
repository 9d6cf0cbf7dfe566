// One port for the suite: /api/<service>/... goes to that service, everything else is the admin UI
// (static files with a fallback to index.html for client-side routes). Plain node:http, no deps.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

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
    const match = /^\/api\/([a-z]+)(\/|$)/.exec(url.pathname);
    if (match) {
      const target = services[match[1]];
      if (!target) return json(res, 404, { code: 'NO_SUCH_SERVICE', message: `No service "${match[1]}"`, details: [] });
      return proxy(req, res, target, gatewaySecret);
    }
    if (!staticDir || !existsSync(staticDir)) {
      return json(res, 404, { code: 'UI_NOT_BUILT', message: 'The admin UI has not been built', details: [] });
    }
    serveStatic(req, res, staticDir, url.pathname);
  });
  server.keepAliveTimeout = 5000;
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
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // hashed assets can be cached for long; index.html never
    'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
