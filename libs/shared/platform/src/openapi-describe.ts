/**
 * The describing half of the OpenAPI pass (issue #15), run by finishOpenApiDocument after the
 * security and error responses are in place:
 * - each route's description ends with the error codes it can answer (from its 4xx/5xx responses);
 * - cursor paging reads the same everywhere: `after` and `limit` in the query, `nextAfter` in the page;
 * - a property or parameter without a description takes the shared one for its name (GLOSSARY):
 *   a field name means one thing across the suite, so it is described once;
 * - inline enums become named components (a decorator's `enumName` wins), so generated clients
 *   get one type per list instead of a string union per field.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { GLOSSARY } from './openapi-glossary';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

export const PAGING = {
  after: '游标分页：上一页响应的 nextAfter，首页不传；按 id 升序取其后的条目。Keyset cursor: nextAfter of the previous page; omit for the first page.',
  limit: '游标分页：每页条数（默认与上限见 schema）。Page size (default and maximum in the schema).',
  nextAfter: '游标分页：下一页作为 ?after= 传回；为 null 表示已到末页。Pass as ?after= for the next page; null on the last page.',
};

const CODE_BY_STATUS: Record<string, string> = {
  '400': 'VALIDATION_FAILED', '401': 'UNAUTHENTICATED', '403': 'FORBIDDEN', '404': 'NOT_FOUND', '409': 'CONFLICT',
  '412': 'PRECONDITION_FAILED', '413': 'PAYLOAD_TOO_LARGE', '415': 'UNSUPPORTED_MEDIA_TYPE', '422': 'UNPROCESSABLE',
  '429': 'RATE_LIMITED', '500': 'INTERNAL_ERROR', '503': 'UNAVAILABLE',
};
// the suite's codes (UPPER_SNAKE), and the OAuth token endpoint's RFC 6749 ones
const CODE_TOKEN = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b(?:FORBIDDEN|CONFLICT|UNAUTHENTICATED|UNPROCESSABLE|UNAVAILABLE)\b|\b(?:invalid_request|invalid_client|invalid_scope|unsupported_grant_type|temporarily_unavailable|server_error)\b/g;

export function describeDocument(doc: OpenAPIObject): void {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Json>;
  const enums = new EnumNamer(schemas);
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(pathItem as Record<string, Json>)) {
      if (!METHODS.includes(method) || !op) continue;
      for (const p of (op.parameters as Json[] | undefined) ?? []) describeParameter(p, enums, path);
      listErrorCodes(op);
    }
  }
  for (const [name, schema] of Object.entries(schemas)) describeSchema(schema, name, enums, schemas);
  enums.flush();
}

function describeParameter(p: Json, enums: EnumNamer, path: string): void {
  const name = String(p.name);
  if (p.in === 'query' && (name === 'after' || name === 'limit')) p.description = PAGING[name];
  else p.description ||= GLOSSARY[name] ?? '';
  const schema = p.schema as Json | undefined;
  if (!schema) p.schema = { type: 'string' };
  else if (!schema.type && !schema.$ref && !schema.enum) schema.type = 'string';
  if (schema?.enum) p.schema = enums.ref(schema, name, resourceOf(path), false);
  else if ((schema?.items as Json | undefined)?.enum) schema!.items = enums.ref(schema!.items as Json, name, resourceOf(path), false);
}

function describeSchema(schema: Json, owner: string, enums: EnumNamer, schemas: Record<string, Json>): void {
  const props = schema.properties as Record<string, Json> | undefined;
  if (!props) return;
  const isPage = 'nextAfter' in props && 'items' in props;
  for (const [name, prop] of Object.entries(props)) {
    if (name === 'nextAfter' && isPage) prop.description = PAGING.nextAfter;
    else if (!prop.description && !prop.$ref) prop.description = GLOSSARY[`${owner}.${name}`] ?? GLOSSARY[name] ?? referencedDescription(prop, schemas);
    if (prop.$ref) props[name] = { allOf: [{ $ref: prop.$ref }], description: GLOSSARY[`${owner}.${name}`] ?? GLOSSARY[name] ?? referencedDescription(prop, schemas) };
    else if (prop.enum) props[name] = enums.ref(prop, name, owner, true);
    else if ((prop.items as Json | undefined)?.enum) prop.items = enums.ref(prop.items as Json, name, owner, false);
    if (prop.properties) describeSchema(prop, owner, enums, schemas);
    if ((prop.items as Json | undefined)?.properties) describeSchema(prop.items as Json, owner, enums, schemas);
  }
}

/** A property that only references a named schema (a contract's nested contract or enum) and has no glossary entry takes that schema's own description. */
function referencedDescription(prop: Json, schemas: Record<string, Json>): string {
  const ref = (prop.$ref ?? ((prop.allOf as Json[] | undefined)?.[0]?.$ref)) as string | undefined;
  return (ref && (schemas[ref.split('/').pop() ?? '']?.description as string | undefined)) || '';
}

/** Appends "错误码 (error codes): 400 VALIDATION_FAILED · 404 NOT_FOUND · …" from the route's responses. */
function listErrorCodes(op: Json): void {
  const responses = (op.responses ?? {}) as Record<string, Json>;
  const parts: string[] = [];
  for (const status of Object.keys(responses).filter((c) => /^[45]\d\d$/.test(c)).sort()) {
    const r = responses[status];
    const example = ((r.content as Record<string, Json> | undefined)?.['application/json']?.example as Json | undefined)?.code;
    const fromText = [...String(r.description ?? '').matchAll(CODE_TOKEN)].map((m) => m[0]);
    const codes = [...new Set([...(typeof example === 'string' ? [example] : []), ...fromText])];
    parts.push(`${status} ${(codes.length ? codes : [CODE_BY_STATUS[status] ?? `HTTP_${status}`]).join(' / ')}`);
  }
  const list = `错误码 (error codes): ${parts.join(' · ') || '无 (none)'}`;
  const text = String(op.description ?? '').replace(/\n*错误码 \(error codes\):.*$/s, '');
  op.description = text ? `${text}\n\n${list}` : list;
}

/** Names clearer than the field's own, for lists that many fields share. */
const ENUM_NAMES: Record<string, string> = { stream: 'FundingStream', fund: 'FundingStream', band: 'PostBand', postBand: 'PostBand' };

/** /api/payroll/v1/runs/{id}/payslips → Payslips (owner name for a query parameter's enum). */
function resourceOf(path: string): string {
  const seg = path.split('/').filter((s) => s && !s.startsWith('{') && !/^(api|v\d+)$/.test(s)).pop() ?? 'Query';
  return pascal(seg);
}

function pascal(s: string): string {
  return s.replace(/(^|[-_.\s])(\w)/g, (_, __, c: string) => c.toUpperCase()).replace(/(Dto|Doc)$/, '');
}

/**
 * Names each distinct inline enum: the property's name in PascalCase when the list is the first
 * of that name (e.g. FundingStream-valued `stream` → `Stream`), else owner + name (`PayrollRunStatus`).
 * The same list under the same name shares one component.
 */
class EnumNamer {
  private readonly byKey = new Map<string, string>();
  private readonly added = new Map<string, Json>();
  constructor(private readonly schemas: Record<string, Json>) {
    for (const [name, s] of Object.entries(schemas)) if (s.enum) this.byKey.set(this.key(name, s.enum as unknown[]), name);
  }

  ref(schema: Json, field: string, owner: string, keepSiblings: boolean): Json {
    const values = schema.enum as unknown[];
    let name = this.find(field, values);
    if (!name) {
      name = this.free(ENUM_NAMES[field] ?? pascal(field)) ?? this.free(`${pascal(owner)}${pascal(field)}`) ?? `${pascal(owner)}${pascal(field)}${this.added.size}`;
      this.added.set(name, { type: typeof values[0] === 'number' ? 'integer' : 'string', enum: values });
      this.byKey.set(this.key(field, values), name);
    }
    const $ref = `#/components/schemas/${name}`;
    if (!keepSiblings) return { $ref };
    const { description, nullable, example, default: dflt } = schema;
    return { allOf: [{ $ref }], ...(description ? { description } : {}), ...(nullable ? { nullable } : {}), ...(example !== undefined ? { example } : {}), ...(dflt !== undefined ? { default: dflt } : {}) };
  }

  flush(): void {
    for (const [name, s] of this.added) this.schemas[name] = s;
  }

  private key(field: string, values: unknown[]): string {
    return `${pascal(field)}=${JSON.stringify(values)}`;
  }

  private find(field: string, values: unknown[]): string | undefined {
    const exact = this.byKey.get(this.key(field, values));
    if (exact) return exact;
    // the same list already named under another field (e.g. band / postBand)
    const json = JSON.stringify(values);
    for (const [k, name] of this.byKey) if (k.endsWith(`=${json}`)) return name;
    return undefined;
  }

  private free(name: string): string | undefined {
    return this.schemas[name] || this.added.has(name) ? undefined : name;
  }
}
