/**
 * Hostile-input cases generated from a service's OpenAPI document: for every write route, a valid
 * body built from the schema's examples, then one mutation per case (missing, extra, wrong type,
 * null, bad dates, hostile text, numbers at and beyond column limits, deep JSON, huge strings,
 * hostile path parameters), for every field — optional ones too, and the fields of nested objects
 * and of arrays of objects (`bonus.amounts[0].amount`). `expect: 'reject'` must answer 4xx; `'any'`
 * may succeed but never 5xx.
 */

import { MONEY_PATTERN } from '@cws/kernel';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  pathParams: Parameter[];
  body?: Schema;
  multipart: boolean;
}

export type Expectation = 'reject' | 'any';

export interface HostileCase {
  route: WriteRoute;
  category: string;
  name: string;
  /** The field at fault, as the error's details path should name it. */
  field?: string;
  pathValues?: Record<string, string>;
  /** JSON value to send, or `raw` text (malformed JSON); undefined = no body. */
  body?: unknown;
  raw?: string;
  expect: Expectation;
  /** Part of the fast run inside `npm test`. */
  fast: boolean;
}

const WRITE = ['post', 'put', 'patch', 'delete'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^-?\d+\.\d{2}$/;

export function resolve(doc: OpenApiDoc, s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]);
  if (s.allOf) {
    const parts = s.allOf.map((p) => resolve(doc, p));
    // a named enum wrapped with its own description/example: { allOf: [{ $ref }], example }
    if (parts.length === 1) return { ...parts[0], ...s, allOf: undefined };
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return s;
}

export function writeRoutes(doc: OpenApiDoc): WriteRoute[] {
  const out: WriteRoute[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const m of WRITE) {
      const op = item[m];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const multipart = 'multipart/form-data' in content;
      const json = content['application/json']?.schema;
      out.push({
        method: m.toUpperCase() as WriteRoute['method'],
        template,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        body: json ? resolve(doc, json) : undefined,
        multipart,
      });
    }
  }
  return out;
}

/** A value the schema accepts, from its examples (the DTOs carry one per field). */
export function validValue(doc: OpenApiDoc, raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case 'string':
      return s.format === 'date' ? '2026-03-02' : 'x';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [validValue(doc, s.items, depth + 1)];
    default: {
      if (!s.properties || depth > 4) return {};
      const o: Record<string, unknown> = {};
      // required fields only: optional examples need not agree with each other (a birth date and
      // a resident ID); each optional field is sent by its own cases
      const required = new Set(s.required ?? []);
      for (const [k, p] of Object.entries(s.properties)) {
        if (!required.has(k)) continue;
        const v = validValue(doc, p, depth + 1);
        if (v !== undefined) o[k] = v;
      }
      return o;
    }
  }
}

const deep = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { d: v };
  return v;
};

/** `base` with `field` set to JSON nested `levels` deep, as text (JSON.stringify would overflow the stack). */
const deepRaw = (base: Record<string, unknown>, field: string, levels: number): string =>
  JSON.stringify({ ...base, [field]: 0 }).replace(`"${field}":0`, `"${field}":${'{"d":['.repeat(levels)}1${']}'.repeat(levels)}`);

const HOSTILE_TEXT: Array<[string, string, Expectation]> = [
  ['lone high surrogate', 'a\ud800b', 'reject'],
  ['lone low surrogate', '\udc00', 'reject'],
  ['reversed pair', '\udc00\ud800', 'reject'],
  ['emoji', '社区😀👨‍👩‍👧', 'any'],
  ['RTL marks', '\u202e\u200fمرحبا\u202c', 'any'],
  ['rare CJK (plane 2)', '𠀀𪚥𰻞', 'any'],
  ['SQL text', "'; DROP TABLE worker; -- \" OR 1=1 /*", 'any'],
  ['formula injection', "=cmd|' /C calc'!A0", 'any'],
  ['NUL and controls', 'a\u0000b\u0007c', 'any'],
  ['huge string (100 000)', '长'.repeat(100_000), 'reject'],
];

const BAD_DATES = ['2026', '2026-05', '2026-W05', '2026-W05-3', '2026-100', '2026-05-01T00:00:00Z', '2026-02-30', '2025-13-01', '0000-00-00', '20260501'];
const NUMBERS: Array<[string, unknown, Expectation]> = [
  ['INT max', 2147483647, 'any'],
  ['beyond INT', 2147483648, 'any'],
  ['beyond INT UNSIGNED', 4294967296, 'any'],
  ['beyond 2^53', 9007199254740993, 'any'],
  ['negative', -1, 'any'],
  ['huge float', 1e308, 'any'],
  ['fraction', 1.5, 'any'],
  ['numeric string', '1', 'any'],
];
const MONEY_VALUES: Array<[string, string, Expectation]> = [
  ['at DECIMAL(15,2) max', '9999999999999.99', 'any'],
  ['beyond DECIMAL(15,2)', '10000000000000.00', 'reject'],
  ['far beyond', '99999999999999999999999.99', 'reject'],
  ['three places', '0.001', 'reject'],
  ['exponent', '1e3', 'reject'],
  ['NaN', 'NaN', 'reject'],
  ['negative', '-0.01', 'any'],
  ['padded', ' 1.00 ', 'any'],
];
export const BAD_PATH: Array<[string, string]> = [
  ['letters', 'abc'],
  ['negative', '-1'],
  ['fraction', '1.5'],
  ['beyond bigint', '99999999999999999999999'],
  ['SQL', "1' OR '1'='1"],
  ['bad percent-encoding', '%E0%A4%A'],
  ['long', 'x'.repeat(3000)],
];

function typeOf(doc: OpenApiDoc, s: Schema): string {
  const r = resolve(doc, s);
  if (r.type) return r.type;
  if (r.properties) return 'object';
  return 'unknown';
}

/** Values of the wrong JSON type for a field of `type`. */
function wrongTypes(type: string): Array<[string, unknown]> {
  const all: Array<[string, unknown]> = [['number', 12345], ['boolean', true], ['string', 'not-this-type'], ['array', ['x']], ['object', { x: 1 }]];
  const own: Record<string, string[]> = { string: ['string'], integer: ['number'], number: ['number'], boolean: ['boolean'], array: ['array'], object: ['object'] };
  return all.filter(([t]) => !(own[type] ?? []).includes(t));
}

export function casesFor(doc: OpenApiDoc, route: WriteRoute, pathValue: (route: WriteRoute, name: string) => string): HostileCase[] {
  const out: HostileCase[] = [];
  const pathValues = Object.fromEntries(route.pathParams.map((p) => [p.name, pathValue(route, p.name)]));
  const add = (c: Omit<HostileCase, 'route' | 'pathValues'> & { pathValues?: Record<string, string> }) => out.push({ route, pathValues, ...c });

  for (const p of route.pathParams) {
    BAD_PATH.forEach(([name, value], i) =>
      add({ category: 'path parameter', name: `${p.name} ${name}`, field: p.name, pathValues: { ...pathValues, [p.name]: value }, body: route.body ? validValue(doc, route.body) : undefined, expect: 'reject', fast: i === 0 || i === 5 }),
    );
  }
  if (!route.body || route.multipart) return out;

  const base = validValue(doc, route.body) as Record<string, unknown>;
  const schema = resolve(doc, route.body);
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);

  add({ category: 'body', name: 'no body', body: undefined, expect: required.size ? 'reject' : 'any', fast: true });
  add({ category: 'body', name: 'malformed JSON', raw: '{"a":', expect: 'reject', fast: true });
  add({ category: 'body', name: 'JSON array', body: [base], expect: 'reject', fast: true });
  add({ category: 'body', name: 'JSON string', body: 'x', expect: 'reject', fast: false });
  add({ category: 'body', name: 'JSON null', raw: 'null', expect: required.size ? 'reject' : 'any', fast: false });
  add({ category: 'body', name: 'empty object', body: {}, expect: required.size ? 'reject' : 'any', fast: false });
  add({ category: 'extra field', name: 'unknown field', field: 'isAdmin', body: { ...base, isAdmin: true }, expect: 'reject', fast: true });
  add({ category: 'extra field', name: '__proto__ field', raw: JSON.stringify(base).replace(/^\{/, '{"__proto__":{"isAdmin":true},'), expect: 'any', fast: false });
  add({ category: 'deep JSON', name: 'nested 5000 levels', field: 'deep', raw: deepRaw(base, 'deep', 5000), expect: 'reject', fast: true });
  add({ category: 'huge body', name: '2 MB body', field: 'pad', body: { ...base, pad: 'x'.repeat(2_000_000) }, expect: 'reject', fast: false });

  fieldCases(doc, add, { path: [], required, props, body: base, nested: false });
  return out;
}

/** Where a field sits in the body: keys and array indexes from the root. */
type FieldPath = Array<string | number>;
const pathText = (path: FieldPath): string => path.reduce<string>((a, k) => (typeof k === 'number' ? `${a}[${k}]` : a ? `${a}.${k}` : k), '');

/** `body` with the value at `path` replaced (or removed when `value` is REMOVE); containers on the way are copied. */
const REMOVE = Symbol('remove');
function setIn(body: unknown, path: FieldPath, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) }) as Record<string | number, unknown>;
  const next = setIn(copy[head], rest, value);
  if (next === REMOVE) delete copy[head];
  else copy[head] = next;
  return copy;
}
const getIn = (body: unknown, path: FieldPath): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], body);

/**
 * The cases of every field of an object — and of the fields of objects nested in it (an object
 * property, or the first item of an array of objects: `bonus.amounts[0].amount`), sent inside an
 * otherwise valid body. Nested cases are part of the full run only.
 */
function fieldCases(
  doc: OpenApiDoc,
  add: (c: Omit<HostileCase, 'route' | 'pathValues'>) => void,
  at: { path: FieldPath; required: Set<string>; props: Record<string, Schema>; body: unknown; nested: boolean },
): void {
  for (const [key, raw] of Object.entries(at.props)) {
    const p = resolve(doc, raw);
    const type = typeOf(doc, raw);
    const path = [...at.path, key];
    const field = pathText(path);
    // an optional field's own cases are sent with that field present (built from its schema)
    const own = getIn(at.body, path) ?? validValue(doc, raw);
    const body = setIn(at.body, path, own) as Record<string, unknown>;
    const withValue = (v: unknown) => setIn(body, path, v);
    const fast = (f: boolean) => f && !at.nested;
    const example = own;
    if (at.required.has(key)) add({ category: 'missing field', name: `${field} missing`, field, body: setIn(at.body, path, REMOVE), expect: 'reject', fast: fast(true) });
    if (!p.nullable) add({ category: 'null', name: `${field} null`, field, body: withValue(null), expect: 'reject', fast: fast(true) });
    wrongTypes(type).forEach(([t, v], i) =>
      add({ category: 'wrong type', name: `${field} as ${t}`, field, body: withValue(v), expect: type === 'unknown' ? 'any' : 'reject', fast: fast(i === 0) }),
    );
    add({ category: 'deep JSON', name: `${field} nested 40 levels`, field, body: withValue(deep(40)), expect: 'reject', fast: false });
    if (type === 'string' && p.format !== 'binary') {
      const isDate = p.format === 'date' || (typeof example === 'string' && ISO_DAY.test(example));
      // money by its example, unless the field states a pattern of its own (a ratio of four places)
      const isMoney = typeof example === 'string' && MONEY.test(example) && (!p.pattern || p.pattern === MONEY_PATTERN);
      if (isDate) BAD_DATES.forEach((d, i) => add({ category: 'date', name: `${field} = ${d}`, field, body: withValue(d), expect: 'reject', fast: fast(i < 3 || d === '2026-02-30') }));
      if (isMoney) MONEY_VALUES.forEach(([n, v, e], i) => add({ category: 'money', name: `${field} ${n}`, field, body: withValue(v), expect: e, fast: fast(i < 2) }));
      HOSTILE_TEXT.forEach(([n, v, e]) =>
        add({ category: 'text', name: `${field} ${n}`, field, body: withValue(v), expect: e, fast: fast(n === 'lone high surrogate' || n === 'huge string (100 000)' || n === 'SQL text') }),
      );
    }
    if (type === 'integer' || type === 'number') {
      NUMBERS.forEach(([n, v, e], i) =>
        add({ category: 'number', name: `${field} ${n}`, field, body: withValue(v), expect: type === 'integer' && n === 'fraction' ? 'reject' : e, fast: fast(i === 1 || i === 3) }),
      );
    }
    if (type === 'array') {
      add({ category: 'array', name: `${field} with 10 000 items`, field, body: withValue(Array(10_000).fill(Array.isArray(example) ? example[0] ?? 'x' : 'x')), expect: 'any', fast: false });
      add({ category: 'array', name: `${field} holding a lone surrogate`, field, body: withValue(['\ud800']), expect: 'reject', fast: false });
    }
    if (path.length > 3) continue;
    const inner = type === 'array' ? resolve(doc, p.items) : p;
    if (!inner.properties) continue;
    const innerPath = type === 'array' ? [...path, 0] : path;
    const innerBody = type === 'array' ? setIn(body, innerPath, (Array.isArray(own) && own[0]) || validValue(doc, p.items)) : body;
    fieldCases(doc, add, { path: innerPath, required: new Set(inner.required ?? []), props: inner.properties, body: innerBody, nested: true });
  }
}

/** Fills a route template: /v1/workers/{id}/leave → /v1/workers/1/leave. */
export function fillPath(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => (name in values ? (values[name].startsWith('%') ? values[name] : encodeURIComponent(values[name])) : '1'));
}
