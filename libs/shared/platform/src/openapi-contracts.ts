/**
 * Contracts (TypeBox schemas from libs/<service>/contracts, see the kernel's contract-schema.ts) in
 * the OpenAPI document: a route says `@ApiOkResponse({ schema: apiSchema(LedgerPage) })`, and the
 * document pass adds each referenced contract — and every named schema nested in it — to
 * components.schemas. The contract is the one source: no Swagger class repeats its fields.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import type { TSchema } from '@cws/kernel';

type Json = Record<string, unknown>;

const contracts = new Map<string, TSchema>();

function nameOf(contract: TSchema): string {
  const id = contract.$id;
  if (!id) throw new Error('apiSchema: the contract needs a name ($id); declare it with Contract(name, …)');
  const known = contracts.get(id);
  if (!known) contracts.set(id, contract);
  // the same schema used nullable somewhere is still the same contract
  else if (known !== contract && signature(known) !== signature(contract)) throw new Error(`apiSchema: two different contracts are named ${id}`);
  return id;
}

const signature = (s: TSchema) => JSON.stringify({ ...s, nullable: undefined });

/** A reference to a named contract, for `@ApiOkResponse({ schema })` and the like. */
export function apiSchema(contract: TSchema): { $ref: string } {
  return { $ref: `#/components/schemas/${nameOf(contract)}` };
}

/** An array of a named contract. */
export function apiArraySchema(contract: TSchema): { type: 'array'; items: { $ref: string } } {
  return { type: 'array', items: apiSchema(contract) };
}

/** Adds the contracts the document references (and those they nest) to components.schemas. */
export function addContractSchemas(doc: OpenAPIObject): void {
  const schemas = ((doc.components ??= {}).schemas ??= {}) as Record<string, Json>;
  const pending = [...JSON.stringify(doc.paths).matchAll(/#\/components\/schemas\/([\w.-]+)/g)].map((m) => m[1]);
  while (pending.length) {
    const name = pending.pop()!;
    const contract = contracts.get(name);
    if (!contract || schemas[name]) continue;
    schemas[name] = toOpenApi(contract, true, (nested) => pending.push(nested)) as Json;
  }
}

/** Plain JSON (TypeBox's symbol keys dropped); a nested named schema becomes a $ref to its component. */
function toOpenApi(node: unknown, root: boolean, found: (name: string) => void): unknown {
  if (Array.isArray(node)) return node.map((x) => toOpenApi(x, false, found));
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Json;
  if (!root && typeof schema.$id === 'string') {
    const name = nameOf(schema as TSchema);
    found(name);
    const ref = { $ref: `#/components/schemas/${name}` };
    // a nullable use of a named schema keeps its nullability beside the reference
    return schema.nullable ? { allOf: [ref], nullable: true } : ref;
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) if (k !== '$id') out[k] = k === 'example' || k === 'default' ? v : toOpenApi(v, false, found);
  return out;
}
