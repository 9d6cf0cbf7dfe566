/**
 * Keyset ("seek") pages: each page asks for the rows after the last one of the previous page, by
 * a unique sort key, and fetches one row more than it returns — that extra row is how it knows a
 * next page exists. No OFFSET, so page 500 costs what page 1 does.
 *
 * One key (an id): the cursor is the last row's key as text, as the APIs have always answered.
 * Several keys (a sort column, then the id): the cursor is a signed tuple (`KeysetCursor` in
 * @cws/platform), so a crafted or foreign cursor is a 400, not SQL.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetPage<T> {
  items: T[];
  /** pass as `after` for the next page; null on the last page */
  nextAfter: string | null;
}

type KeyValue = number | string;
export type KeysetPart = 'int' | 'text' | 'date';

/** What `KeysetCursor` (@cws/platform) offers; declared here so persistence need not import platform. */
export interface KeysetCodec {
  encode(values: ReadonlyArray<KeyValue>): string;
  decode(cursor: string, shape: readonly KeysetPart[], path?: string): ReadonlyArray<KeyValue>;
}

interface PageQuery {
  /** rows per page */
  limit: number;
  /** DESC walks downwards: the next page holds keys below the cursor */
  order?: 'ASC' | 'DESC';
  /** `getMany` (entities, TypeORM's take) or `getRawMany` (raw rows, SQL LIMIT) */
  fetch?: 'entities' | 'raw';
}

export interface KeysetByColumn<T> extends PageQuery {
  /** the unique key, e.g. "a.id" */
  column: string;
  /** the previous page's nextAfter */
  after?: KeyValue | null;
  /** the key of a fetched row, e.g. (row) => row.id */
  keyOf: (row: T) => KeyValue;
}

export interface KeysetKey<T> {
  column: string;
  part: KeysetPart;
  valueOf: (row: T) => KeyValue;
}

export interface KeysetByKeys<T> extends PageQuery {
  /** sort keys, the last one unique (the id) */
  keys: ReadonlyArray<KeysetKey<T>>;
  cursors: KeysetCodec;
  /** the previous page's nextAfter: a cursor `cursors` issued */
  after?: string | null;
  /** where a bad cursor is reported (the query parameter's name) */
  path?: string;
}

/** Cuts the fetched `rows` (at most limit + 1) to a page, and names the cursor of the next one. */
export function keysetPageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => KeyValue): KeysetPage<T> {
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit && items.length ? String(cursorOf(items[items.length - 1])) : null };
}

/** Orders, seeks past `after` and limits `qb` by one unique column, then runs it and cuts the page. */
export async function keysetPage<T extends ObjectLiteral, R = T>(qb: SelectQueryBuilder<T>, q: KeysetByColumn<R>): Promise<KeysetPage<R>> {
  const order = q.order ?? 'ASC';
  qb.orderBy(q.column, order);
  if (q.after) qb.andWhere(`${q.column} ${order === 'ASC' ? '>' : '<'} :__keysetAfter`, { __keysetAfter: q.after });
  return keysetPageOf(await run<T, R>(qb, q), q.limit, q.keyOf);
}

/**
 * The same over several sort keys (e.g. name, then id) with a signed cursor: seeks
 * `(k1, k2, …) > (v1, v2, …)` spelled as OR/AND so MariaDB can use the index.
 */
export async function keysetPageByKeys<T extends ObjectLiteral, R = T>(qb: SelectQueryBuilder<T>, q: KeysetByKeys<R>): Promise<KeysetPage<R>> {
  const order = q.order ?? 'ASC';
  const op = order === 'ASC' ? '>' : '<';
  q.keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.column, order) : qb.addOrderBy(k.column, order)));
  if (q.after) {
    const values = q.cursors.decode(q.after, q.keys.map((k) => k.part), q.path ?? 'after');
    const params: Record<string, KeyValue> = {};
    values.forEach((v, i) => (params[`__keyset${i}`] = v));
    // (k0 > v0) OR (k0 = v0 AND k1 > v1) OR …
    const alternatives = q.keys.map((k, i) => {
      const equal = q.keys.slice(0, i).map((e, j) => `${e.column} = :__keyset${j}`);
      return [...equal, `${k.column} ${op} :__keyset${i}`].join(' AND ');
    });
    qb.andWhere(alternatives.length === 1 ? alternatives[0] : `(${alternatives.map((a) => `(${a})`).join(' OR ')})`, params);
  }
  return keysetPageOf(await run<T, R>(qb, q), q.limit, (last) => q.cursors.encode(q.keys.map((k) => k.valueOf(last))));
}

async function run<T extends ObjectLiteral, R>(qb: SelectQueryBuilder<T>, q: PageQuery): Promise<R[]> {
  if (q.fetch === 'raw') return (await qb.limit(q.limit + 1).getRawMany()) as R[];
  return (await qb.take(q.limit + 1).getMany()) as unknown as R[];
}
