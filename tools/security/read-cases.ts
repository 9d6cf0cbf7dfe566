/**
 * Hostile input on the read routes, generated from a service's OpenAPI document: every GET route with
 * parameters gets, one parameter at a time (the others at their example), values of the wrong kind,
 * at and beyond the limits of numbers and dates, hostile text, a repeated parameter and bad
 * percent-encoding. A case passes when the answer is never 5xx and a 4xx carries a `code`.
 */
import type { TestApp } from '@cws/testing';
import { superUser } from './hostile-runner';
import { BAD_PATH, fillPath, validValue, type OpenApiDoc, type Parameter } from './openapi-cases';

/** The value of a path parameter by route and name (`defaultPathValue` of the write cases). */
type PathValue = (route: { method: string; template: string }, name: string) => string;

export interface ReadCase {
  route: string;
  name: string;
  url: string;
  /** The parameter the case spoils: a 400 must name it. */
  field?: string;
}

export interface ReadFinding {
  route: string;
  case: string;
  status: number;
  body: unknown;
}

/** Raw query values (already encoded where they must be): kinds, limits, dates, text. */
const HOSTILE_QUERY: Array<[string, string]> = [
  ['empty', ''],
  ['letters', 'abc'],
  ['negative', '-1'],
  ['zero', '0'],
  ['fraction', '1.5'],
  ['beyond double', '1e309'],
  ['beyond bigint', '99999999999999999999999'],
  ['impossible date', '2026-02-30'],
  ['SQL', encodeURIComponent("1' OR '1'='1")],
  ['bad percent-encoding', '%E0%A4%A'],
  ['NUL', '%00'],
  ['lone surrogate', '%ED%A0%80'],
  ['long', 'x'.repeat(3000)],
];

/** The GET routes of `doc` (documentation routes left out) and their hostile cases. */
export function readCases(doc: OpenApiDoc, prefix: string, pathValue: PathValue): ReadCase[] {
  const out: ReadCase[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const op = item.get;
    if (!op || template.includes('/docs')) continue;
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const route = `GET ${template.replace(prefix, '')}`;
    const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, pathValue({ method: 'GET', template }, p.name)]));
    const validQuery = (except?: string) =>
      queryParams.filter((q) => q.name !== except && (q.required || q.name === 'limit')).map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(exampleOf(doc, q)))}`);
    const url = (values: Record<string, string>, query: string[]) => {
      const path = fillPath(template, values).replace(prefix, '');
      return query.length ? `${path}?${query.join('&')}` : path;
    };
    out.push({ route, name: 'valid', url: url(pathValues, validQuery()) });
    for (const p of pathParams) {
      for (const [name, value] of BAD_PATH) out.push({ route, name: `${p.name} ${name}`, field: p.name, url: url({ ...pathValues, [p.name]: value }, validQuery()) });
    }
    for (const q of queryParams) {
      const key = encodeURIComponent(q.name);
      for (const [name, value] of HOSTILE_QUERY) out.push({ route, name: `${q.name} ${name}`, field: q.name, url: url(pathValues, [...validQuery(q.name), `${key}=${value}`]) });
      out.push({ route, name: `${q.name} twice`, url: url(pathValues, [...validQuery(q.name), `${key}=${encodeURIComponent(String(exampleOf(doc, q)))}`, `${key}=abc`]) });
      out.push({ route, name: `${q.name} as an object`, url: url(pathValues, [...validQuery(q.name), `${key}[a]=1`]) });
    }
    if (queryParams.length) out.push({ route, name: '__proto__ parameter', url: url(pathValues, [...validQuery(), '__proto__[x]=1', 'constructor[prototype][x]=1']) });
  }
  return out;
}

/** A query parameter's example: its own, or the value its schema gives a valid body. */
const exampleOf = (doc: OpenApiDoc, p: Parameter): unknown => p.example ?? validValue(doc, p.schema);

/** Sends every case as a city-wide user with every role; the findings are the 5xx and the 4xx without a code. */
export async function runReadCases(app: TestApp, pathValue: PathValue): Promise<{ routes: number; cases: number; byStatus: Record<string, number>; findings: ReadFinding[] }> {
  const doc = (await app.request('GET', '/docs-json')).body as OpenApiDoc;
  const cases = readCases(doc, `/api/${app.config.service}`, pathValue);
  const token = app.tokenFor(superUser());
  const byStatus: Record<string, number> = {};
  const findings: ReadFinding[] = [];
  for (const c of cases) {
    const res = await app.request('GET', c.url, { token });
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
    const body = res.body as { code?: unknown; details?: Array<{ path?: string }> } | undefined;
    const named = (body?.details ?? []).some((d) => String(d.path ?? '').includes(c.field ?? '') || String(d.path ?? '') === 'path');
    if (res.status >= 500) findings.push({ route: c.route, case: c.name, status: res.status, body: res.body });
    else if (res.status >= 400 && typeof body?.code !== 'string') findings.push({ route: c.route, case: `${c.name} (4xx without a code)`, status: res.status, body: res.body });
    else if (res.status === 400 && c.field && !named) findings.push({ route: c.route, case: `${c.name} (400 not naming ${c.field})`, status: res.status, body: res.body });
  }
  return { routes: new Set(cases.map((c) => c.route)).size, cases: cases.length, byStatus, findings };
}
