import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { luhnValid, MONEY_PATTERN, residentIdIssue } from '@cws/kernel';
import { startTestApp, TEST_RUN_KEYS, testConfig, type TestApp } from '@cws/testing';
import { type ServiceConfig, type ServiceDefinition, type ServiceName } from '@cws/platform';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { schedulerService } from '../../apps/scheduler/src/scheduler.definition';
import { workersService } from '../../apps/workers/src/workers.definition';

/** The OpenAPI contract a finance bureau reads (issue #15), checked on each service's published /docs-json. */
type Json = Record<string, any>;

const DOCS_DIR = path.resolve(__dirname, '../../tmp/openapi');

const SERVICES: Array<[ServiceName, (c: ServiceConfig) => ServiceDefinition]> = [
  ['budget', budgetService],
  ['payroll', payrollService],
  ['workers', workersService],
  ['scheduler', schedulerService],
];

/**
 * The only whole personal identifiers an example may show: the sample of the resident-ID standard
 * (GB 11643-1999) and a made-up card number of repeated digits. Anything else that passes the
 * checks could be somebody's.
 */
const SAMPLE_IDENTIFIERS = new Set(['11010519491231002X', '6225768888888888']);

function operations(doc: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) if (['get', 'put', 'post', 'patch', 'delete'].includes(method)) out.push([`${method.toUpperCase()} ${path}`, op]);
  }
  return out;
}

function propertiesOf(doc: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) for (const [p, prop] of Object.entries<Json>(schema.properties ?? {})) out.push([`${name}.${p}`, prop]);
  return out;
}

describe.each(SERVICES)('%s OpenAPI document', (service, definition) => {
  let t: TestApp;
  let doc: Json;

  beforeAll(async () => {
    t = await startTestApp(definition, testConfig(service));
    const res = await t.request('GET', '/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
    // the linter and the generated-client test read the published documents from here
    mkdirSync(DOCS_DIR, { recursive: true });
    writeFileSync(path.join(DOCS_DIR, `${service}.json`), JSON.stringify(doc, null, 2));
  });
  afterAll(() => t?.close());

  it('declares bearer and OAuth2 client credentials through the gateway, with the scopes its routes use', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.oauth2.flows.clientCredentials.tokenUrl).toBe('/api/workers/v1/auth/token');
    const used = new Set<string>();
    for (const [, op] of operations(doc)) for (const req of op.security ?? []) for (const s of req.oauth2 ?? []) used.add(s);
    expect(Object.keys(schemes.oauth2.flows.clientCredentials.scopes).sort()).toEqual([...used].sort());
    if (service !== 'workers') expect(used.size).toBeGreaterThan(0);
    // every operation that names a scope also accepts the bearer token
    for (const [name, op] of operations(doc)) {
      if ((op.security ?? []).some((r: Json) => r.oauth2)) expect([name, op.security[0]]).toEqual([name, { bearer: [] }]);
    }
  });

  it('holds no secret and no whole resident ID or bank account but the documented samples', () => {
    const text = JSON.stringify(doc);
    const secrets = { ...TEST_RUN_KEYS, jwt: t.config.jwtSecret, pii: t.config.piiKey.toString('hex'), piiHash: t.config.piiHashKey.toString('hex') };
    expect(Object.entries(secrets).filter(([, v]) => v && text.includes(v)).map(([k]) => k)).toEqual([]);
    const residentIds = [...text.matchAll(/(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/g)].map(([m]) => m).filter((m) => residentIdIssue(m) === null);
    const accounts = [...text.matchAll(/(?<![\dA-Za-z])\d{16,19}(?![\dA-Za-z])/g)].map(([m]) => m).filter((m) => luhnValid(m));
    expect([...new Set([...residentIds, ...accounts])].filter((m) => !SAMPLE_IDENTIFIERS.has(m))).toEqual([]);
  });

  it('every 4xx and 5xx response references the one ErrorResponse schema', () => {
    expect(doc.components.schemas.ErrorResponse.required).toEqual(['code', 'message', 'details']);
    expect(Object.keys(doc.components.schemas.ErrorResponse.properties)).toEqual(['code', 'message', 'details', 'requestId']);
    let errors = 0;
    for (const [name, op] of operations(doc)) {
      expect([name, op.responses['500']]).toEqual([name, expect.anything()]);
      // the OAuth token endpoint answers errors in RFC 6749 form, its own schema; health answers its own body on 503
      if (name.endsWith('/auth/token') || name.endsWith('/health')) continue;
      for (const [code, r] of Object.entries<Json>(op.responses)) {
        if (!/^[45]/.test(code)) continue;
        errors++;
        expect([name, code, r.content?.['application/json']?.schema]).toEqual([name, code, { $ref: '#/components/schemas/ErrorResponse' }]);
      }
    }
    expect(errors).toBeGreaterThan(operations(doc).length);
  });

  it('declares each header once, file responses with their media type, and types nullable fields', () => {
    for (const [name, op] of operations(doc)) {
      const headers = (op.parameters ?? []).filter((p: Json) => p.in === 'header').map((p: Json) => `${name} ${p.name.toLowerCase()}`);
      expect(headers).toEqual([...new Set(headers)]);
    }
    for (const [name, op] of operations(doc).filter(([n]) => /\.(xlsx|csv)$/.test(n))) {
      expect([name, Object.keys(op.responses['200']?.content ?? {})]).toEqual([name, [expect.stringMatching(/spreadsheetml|text\/csv/)]]);
    }
    const untyped = propertiesOf(doc).filter(([, p]) => p.nullable && p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf).map(([n]) => n);
    expect(untyped).toEqual([]);
  });
});

describe('budget: the routes a bureau calls', () => {
  let t: TestApp;
  let doc: Json;
  beforeAll(async () => {
    t = await startTestApp(budgetService, testConfig('budget'));
    doc = (await t.request('GET', '/docs-json')).body;
  });
  afterAll(() => t?.close());

  it('an expenditure takes one required Idempotency-Key, budget:write, and documents its 409 with the error schema and example', () => {
    const op = doc.paths['/api/budget/v1/allocations/{id}/expenditures'].post;
    const keys = op.parameters.filter((p: Json) => p.name.toLowerCase() === 'idempotency-key');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: true });
    expect(op.security).toEqual([{ bearer: [] }, { oauth2: ['budget:write'] }]);
    const conflict = op.responses['409'].content['application/json'];
    expect(conflict.schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect(conflict.example.code).toBe('INSUFFICIENT_FUNDS');
    const ledger = doc.components.schemas.LedgerEntry;
    expect(ledger?.properties.districtCode).toMatchObject({ type: 'string', nullable: true });
  });

  it('a replay header on the money-moving routes, money with a pattern, dates as format date, the .xlsx as a file', () => {
    const created = doc.paths['/api/budget/v1/allocations/{id}/expenditures'].post.responses['201'];
    expect(created.headers['Idempotent-Replayed'].schema).toEqual({ type: 'string', enum: ['true'] });
    const posting = Object.values<Json>(doc.components.schemas).find((s) => s.properties?.ledgerEntryIds);
    expect(posting?.properties.amount).toMatchObject({ type: 'string', pattern: MONEY_PATTERN });
    expect(new RegExp(MONEY_PATTERN).test('1250.00') && !new RegExp(MONEY_PATTERN).test('1.234')).toBe(true);
    const appropriation = Object.values<Json>(doc.components.schemas).find((s) => s.properties?.documentDate);
    expect(appropriation?.properties.documentDate).toMatchObject({ type: 'string', format: 'date' });
    const xlsx = doc.paths['/api/budget/v1/reports/execution.xlsx'].get.responses['200'].content;
    expect(Object.keys(xlsx)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });

  it('health is public (no security requirement)', () => {
    const health = Object.entries<Json>(doc.paths).find(([p]) => p.endsWith('/health'));
    expect(health?.[1].get.security).toEqual([]);
  });
});

/**
 * The lint a bureau's CI would run (issue #15): Spectral with the ruleset in tools/openapi/spectral.yaml
 * over the four documents written above (describe blocks run in order). Errors fail; warnings are
 * printed. By hand, after this file ran: npx spectral lint tmp/openapi/*.json -r tools/openapi/spectral.yaml
 */
describe('OpenAPI lint (Spectral, tools/openapi/spectral.yaml)', () => {
  it('reports zero errors over the four documents', () => {
    const files = SERVICES.map(([s]) => path.join(DOCS_DIR, `${s}.json`));
    const out = path.join(DOCS_DIR, 'spectral.json');
    const bin = path.resolve(__dirname, '../../node_modules/.bin/spectral');
    const r = spawnSync(bin, ['lint', ...files, '-r', path.join(__dirname, 'spectral.yaml'), '-f', 'json', '-o', out, '-q', '--fail-severity', 'error'], { encoding: 'utf8' });
    const results: Array<{ code: string; severity: number; source: string; path: string[]; message: string }> = JSON.parse(readFileSync(out, 'utf8'));
    const errors = results.filter((x) => x.severity === 0).map((x) => `${path.basename(x.source)} ${x.path.join('.')}: ${x.code} ${x.message}`);
    const warnings = results.filter((x) => x.severity === 1).length;
    if (warnings) console.log(`spectral: ${warnings} warnings (see ${out})`);
    expect(errors).toEqual([]);
    expect(r.status).toBe(0);
  }, 120_000);
});
