/**
 * The OpenAPI document every service publishes (issue #15). Built by Nest's explorer, then one
 * post-processing pass makes it usable by a bureau's developers and by code generators:
 * - security: the bearer scheme plus an OAuth2 client-credentials scheme whose token URL is the
 *   gateway's /api/workers/v1/auth/token; every secured route accepts either, with the OAuth
 *   scopes its @Permissions name (one requirement per scope: any one of them suffices);
 * - one error schema, `ErrorResponse` {code, message, details[{path, issue, code?}], requestId}, that
 *   every 4xx/5xx response references (400/401/403/500 are added where they can happen), unless
 *   the route declared a schema of its own for that status;
 * - a header declared once (`@Headers('idempotency-key')` and `@ApiHeader` otherwise both list it);
 * - a nullable property whose TypeScript type is `T | null` (reflected as Object) typed from its
 *   example (string unless the example is a number or boolean);
 * - money (a string property whose example is a two-place decimal) gets its pattern, a date
 *   (example YYYY-MM-DD) `format: date`;
 * - a route taking Idempotency-Key declares the `Idempotent-Replayed` response header;
 * - a file route (path ending .xlsx / .csv) declares its 200 with the file's media type.
 */
import type { INestApplication } from '@nestjs/common';
import { MONEY_PATTERN } from '@cws/kernel';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { addContractSchemas } from './openapi-contracts';
import { describeDocument } from './openapi-describe';

export const TOKEN_URL = '/api/workers/v1/auth/token';
export const OAUTH2_SCHEME = 'oauth2';
export const BEARER_SCHEME = 'bearer';
export const ERROR_SCHEMA = 'ErrorResponse';

type Json = Record<string, unknown>;

const ERROR_SCHEMA_OBJECT: Json = {
  type: 'object',
  description: 'Every error has this shape. Some codes add fields (e.g. INSUFFICIENT_FUNDS adds available, requested, allocationId).',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', description: 'Stable machine-readable code', example: 'VALIDATION_FAILED' },
    message: { type: 'string', description: 'Human-readable explanation', example: 'Invalid request: amount must be a decimal with at most two places' },
    details: {
      type: 'array',
      description: 'The fields at fault (empty when the error is not about a field)',
      items: {
        type: 'object',
        required: ['path', 'issue'],
        properties: {
          path: { type: 'string', description: 'Body field path, or header:<Name> / query:<name>', example: 'amount' },
          issue: { type: 'string', example: 'must be a decimal with at most two places' },
          code: { type: 'string', description: 'What is wrong, machine-readable, where the check names it (e.g. the simulator: AMOUNT_NEGATIVE); translate by this, not by `issue`', example: 'AMOUNT_TOO_MANY_DECIMALS' },
        },
      },
    },
    requestId: { type: 'string', description: 'Echoes X-Request-Id; quote it when reporting a problem', example: '5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f' },
  },
  additionalProperties: true,
};

const DEFAULT_ERRORS: Record<string, string> = {
  '400': 'VALIDATION_FAILED (or another validation code): the request is malformed; details name the fields',
  '401': 'UNAUTHENTICATED: no valid access token',
  '403': 'FORBIDDEN: the role or OAuth scope this route needs is missing',
  '500': 'INTERNAL_ERROR: unexpected; quote the requestId',
};

export function createOpenApiDocument(app: INestApplication, title: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A user session or an access token from the OAuth2 token endpoint' }, BEARER_SCHEME)
    .addOAuth2(
      {
        type: 'oauth2',
        description: `Machine clients (finance bureaus): client credentials at ${TOKEN_URL} (through the gateway), then Authorization: Bearer <access_token>`,
        flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: {} } },
      },
      OAUTH2_SCHEME,
    )
    .build();
  return finishOpenApiDocument(SwaggerModule.createDocument(app, config));
}

/** The post-processing pass (exported for its unit test). Mutates and returns `doc`. */
export function finishOpenApiDocument(doc: OpenAPIObject): OpenAPIObject {
  addContractSchemas(doc);
  const components = (doc.components ??= {});
  (components.schemas ??= {})[ERROR_SCHEMA] = ERROR_SCHEMA_OBJECT as never;
  const scopes = new Set<string>();

  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(pathItem as Record<string, Json>)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method) || !op) continue;
      const secured = unifySecurity(op, scopes);
      dedupeHeaders(op);
      addErrorResponses(op, secured);
      declareReplayHeader(op);
      declareFileResponse(path, op);
    }
  }
  const schemes = components.securitySchemes as Record<string, { flows?: { clientCredentials?: { scopes: Record<string, string> } } }> | undefined;
  const flow = schemes?.[OAUTH2_SCHEME]?.flows?.clientCredentials;
  if (flow) for (const s of [...scopes].sort()) flow.scopes[s] = scopeDescription(s);

  for (const schema of Object.values(components.schemas)) typeProperties(schema as Json);
  describeDocument(doc);
  return doc;
}

/**
 * Nest names the bearer scheme "bearer" by default and @Permissions adds oauth2 requirements; the
 * result is: [{bearer: []}, {oauth2: [scope]} per scope] on every route that needs a token (a
 * route without @Permissions is for users only: bearer alone).
 */
function unifySecurity(op: Json, scopes: Set<string>): boolean {
  // routes are closed by default: every route needs a token unless @Public() marked it
  if (op['x-cws-public']) {
    delete op['x-cws-public'];
    op.security = [];
    return false;
  }
  const security = (op.security as Array<Record<string, string[]>> | undefined) ?? [];
  const opScopes = new Set<string>();
  for (const req of security) for (const s of req[OAUTH2_SCHEME] ?? []) opScopes.add(s);
  opScopes.forEach((s) => scopes.add(s));
  op.security = [{ [BEARER_SCHEME]: [] }, ...[...opScopes].map((s) => ({ [OAUTH2_SCHEME]: [s] }))];
  return true;
}

/** One entry per header name (case-insensitive); the documented one (with a description) wins. */
function dedupeHeaders(op: Json): void {
  const params = op.parameters as Array<{ in: string; name: string; description?: string; required?: boolean }> | undefined;
  if (!params) return;
  const kept = new Map<string, (typeof params)[number]>();
  const out: typeof params = [];
  for (const p of params) {
    if (p.in !== 'header') {
      out.push(p);
      continue;
    }
    const key = p.name.toLowerCase();
    const prev = kept.get(key);
    if (!prev) {
      kept.set(key, p);
      out.push(p);
    } else if (!prev.description && p.description) {
      out[out.indexOf(prev)] = p;
      kept.set(key, p);
    }
  }
  op.parameters = out;
}

function addErrorResponses(op: Json, secured: boolean): void {
  const responses = (op.responses ??= {}) as Record<string, Json>;
  const hasInput = Boolean(op.requestBody) || ((op.parameters as unknown[] | undefined)?.length ?? 0) > 0;
  const wanted = ['500', ...(hasInput ? ['400'] : []), ...(secured ? ['401', '403'] : [])];
  for (const code of wanted) responses[code] ??= { description: DEFAULT_ERRORS[code] };
  for (const [code, response] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(code) || '$ref' in response) continue;
    const content = (response.content ??= {}) as Record<string, Json>;
    const json = (content['application/json'] ??= {});
    const schema = json.schema as Json | undefined;
    // a route that declares its own error schema keeps it (the OAuth token endpoint answers RFC 6749 errors)
    if (schema && ('$ref' in schema || 'properties' in schema || 'allOf' in schema || 'oneOf' in schema)) continue;
    // an inline example-only schema (the 409's) becomes the media type's example
    if (schema && 'example' in schema && json.example === undefined) json.example = schema.example;
    json.schema = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
  }
}

const MONEY_EXAMPLE = /^-?\d+\.\d{2}$/;
const DATE_EXAMPLE = /^\d{4}-\d{2}-\d{2}$/;

function declareReplayHeader(op: Json): void {
  const params = (op.parameters as Array<{ in: string; name: string }> | undefined) ?? [];
  if (!params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) return;
  for (const [code, response] of Object.entries(op.responses as Record<string, Json>)) {
    if (!/^2/.test(code) || '$ref' in response) continue;
    response.headers ??= {};
    (response.headers as Json)['Idempotent-Replayed'] = {
      description: '"true" when this is the stored response of an earlier request with the same Idempotency-Key (nothing was booked again); absent on a fresh booking',
      schema: { type: 'string', enum: ['true'] },
    };
  }
}

const FILE_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

function declareFileResponse(path: string, op: Json): void {
  const ext = /\.(xlsx|csv)$/.exec(path)?.[1];
  if (!ext) return;
  const responses = op.responses as Record<string, Json>;
  const ok = (responses['200'] ??= { description: `The ${ext} file` });
  const content = (ok.content ??= {}) as Record<string, Json>;
  delete content['application/json'];
  content[FILE_TYPES[ext]] ??= { schema: { type: 'string', format: 'binary' } };
}

function typeProperties(schema: Json): void {
  const props = schema.properties as Record<string, Json> | undefined;
  if (!props) return;
  for (const prop of Object.values(props)) {
    if (prop.nullable === true && prop.type === 'object' && !(prop.properties || prop.additionalProperties || prop.items || prop.$ref || prop.allOf)) {
      const ex = prop.example;
      if (ex !== null && typeof ex === 'object' && !Array.isArray(ex)) {
        prop.additionalProperties = true; // a free-form record (e.g. an audit entry's before/after)
        continue;
      }
      prop.type = typeof ex === 'number' ? (Number.isInteger(ex) ? 'integer' : 'number') : typeof ex === 'boolean' ? 'boolean' : 'string';
    }
    if (prop.type === 'string' && typeof prop.example === 'string' && !prop.pattern && !prop.format && !prop.enum) {
      if (MONEY_EXAMPLE.test(prop.example)) prop.pattern = MONEY_PATTERN;
      else if (DATE_EXAMPLE.test(prop.example)) prop.format = 'date';
    }
  }
}

function scopeDescription(scope: string): string {
  const [service, action] = scope.split(':');
  return `${action ?? scope} on the ${service} service`;
}
