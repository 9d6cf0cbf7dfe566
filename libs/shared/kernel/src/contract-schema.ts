/**
 * Response shapes declared once (issue #11): a contract is a TypeBox schema — plain JSON Schema
 * data, no framework — that is at the same time the TypeScript type (`Static<typeof X>`, what the
 * services return and the admin UI reads) and the OpenAPI schema (platform's `apiSchema(X)` puts it
 * into the service's document). Pure: it runs in the browser and imports no Nest.
 * A named schema (`$id`) becomes its own component; money is a decimal string with a pattern,
 * dates carry `format: date`, nullable fields `nullable: true` (OpenAPI 3.0).
 * The builders are marked free of side effects, so a bundle that imports only constants from a
 * contracts lib (the admin UI) leaves the schemas and TypeBox out.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';

export type { Static, TSchema };

/** A decimal amount in yuan with at most two places, as a string ("1250.00"); never a float. */
export const MONEY_PATTERN = '^-?\\d{1,13}(\\.\\d{1,2})?$';

/** A named response shape: becomes components.schemas[name]. */
/* @__NO_SIDE_EFFECTS__ */
export function Contract<P extends TProperties>(name: string, description: string, properties: P): TObject<P> {
  return Type.Object(properties, { $id: name, description });
}

/** A list of named values: becomes components.schemas[name] with its enum. */
/* @__NO_SIDE_EFFECTS__ */
export function NamedEnum<const T extends readonly string[]>(name: string, values: T, description: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description, $id: name });
}

type Merged<T extends readonly TProperties[]> = T extends readonly [infer H, ...infer R extends readonly TProperties[]] ? H & Merged<R> : unknown;

/**
 * Field lists as one, in order: `Contract(name, description, Fields(shared, { own }))` lists shared
 * fields once. Use it instead of `{ ...shared }`: a bundler keeps a spread (it may run getters) and
 * with it the schemas, while this call is marked free of side effects and drops with the contract.
 */
/* @__NO_SIDE_EFFECTS__ */
export function Fields<const T extends readonly TProperties[]>(...parts: T): Merged<T> {
  return Object.assign({}, ...parts) as Merged<T>;
}

/** T or null (OpenAPI 3.0 `nullable`). */
/* @__NO_SIDE_EFFECTS__ */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
}

/* @__NO_SIDE_EFFECTS__ */
export const MoneyString = (description: string, example = '0.00') => Type.String({ pattern: MONEY_PATTERN, description, example });
/** A numeric id as a string (BIGINT ids never pass through a JS number). */
/* @__NO_SIDE_EFFECTS__ */
export const IdString = (description: string, example = '1') => Type.String({ pattern: '^\\d{1,19}$', description, example });
/** A month as YYYY-MM (a pay period, a first or last month). */
/* @__NO_SIDE_EFFECTS__ */
export const YearMonth = (description: string, example = '2026-03') => Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description, example });
/* @__NO_SIDE_EFFECTS__ */
export const DateOnly = (description: string, example = '2026-01-15') => Type.String({ format: 'date', description, example });
/* @__NO_SIDE_EFFECTS__ */
export const Instant = (description: string, example = '2026-03-02T08:15:00.000Z') => Type.String({ format: 'date-time', description, example });
/* @__NO_SIDE_EFFECTS__ */
export const Text = (description: string, example?: string) => Type.String({ description, ...(example === undefined ? {} : { example }) });
/* @__NO_SIDE_EFFECTS__ */
export const Int = (description: string, example?: number) => Type.Integer({ description, ...(example === undefined ? {} : { example }) });

/** A keyset page of `item`: `{ items, nextAfter }` (pass nextAfter as ?after= for the next page). */
/* @__NO_SIDE_EFFECTS__ */
export function Page<T extends TSchema>(name: string, description: string, item: T) {
  return Contract(name, description, {
    items: Type.Array(item, { description: '本页条目。Items of this page.' }),
    nextAfter: Nullable(Type.String({ description: 'Pass as ?after= for the next page; null on the last page.', example: '1300' })),
  });
}
