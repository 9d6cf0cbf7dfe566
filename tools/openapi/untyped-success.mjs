#!/usr/bin/env node
/**
 * Lists the routes whose success answer has no schema in the published OpenAPI documents (issue #11):
 * a route with no 2xx response at all, or a 2xx other than 204 without a typed body (no content, a
 * media type without a schema, or a bare `{ type: object }`). Reads tmp/openapi/<service>.json,
 * written by tools/openapi/openapi-contract.int-spec.ts, whose Spectral rules (spectral.yaml) fail on any of them.
 *   node tools/openapi/untyped-success.mjs [dir]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** `"METHOD /path: why"` for each route of `doc` whose success answer is untyped. */
export function untypedSuccess(doc) {
  const out = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const name = `${method.toUpperCase()} ${route}`;
      const ok = Object.entries(item[method].responses ?? {}).filter(([code]) => /^2/.test(code));
      if (!ok.length) out.push(`${name}: no 2xx response`);
      for (const [code, response] of ok) {
        if (code === '204' || response.$ref) continue;
        const media = Object.entries(response.content ?? {});
        if (!media.length) out.push(`${name}: ${code} has no content`);
        for (const [type, m] of media) if (!typed(m.schema)) out.push(`${name}: ${code} ${type} has no schema`);
      }
    }
  }
  return out;
}

const typed = (s) => !!s && (s.$ref || s.allOf || s.oneOf || s.anyOf || s.items || s.properties || s.additionalProperties || (s.type && s.type !== 'object'));

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../tmp/openapi');
  let total = 0;
  for (const service of ['budget', 'payroll', 'scheduler', 'workers']) {
    const found = untypedSuccess(JSON.parse(readFileSync(path.join(dir, `${service}.json`), 'utf8')));
    total += found.length;
    console.log(`${service}: ${found.length}`);
    for (const line of found) console.log(`  ${line}`);
  }
  console.log(`total: ${total}`);
}
