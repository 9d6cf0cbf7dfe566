import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { keysetPage, keysetPageByKeys, keysetPageOf, type KeysetCodec } from './keyset';

// A MySQL data source that never connects: enough to build SQL, and to stub the fetch.
const ds = new DataSource({ type: 'mysql' });
function builder(rows: object[]): { qb: SelectQueryBuilder<object>; fetched: () => number | undefined } {
  const qb = ds.createQueryBuilder().select('w.id', 'id').from('worker', 'w');
  let fetched: number | undefined;
  qb.getRawMany = async () => {
    fetched = qb.expressionMap.limit;
    return rows as never;
  };
  qb.getMany = async () => {
    fetched = qb.expressionMap.take;
    return rows as never;
  };
  return { qb, fetched: () => fetched };
}

/** The SQL as MySQL receives it (positional parameters). */
const sqlOf = (qb: SelectQueryBuilder<object>) => qb.getQueryAndParameters()[0];
const paramsOf = (qb: SelectQueryBuilder<object>) => qb.getQueryAndParameters()[1];

describe('keysetPageOf', () => {
  it('a full extra row means another page, whose cursor is the last returned key', () => {
    expect(keysetPageOf([{ id: 1 }, { id: 2 }, { id: 3 }], 2, (r) => r.id)).toEqual({ items: [{ id: 1 }, { id: 2 }], nextAfter: '2' });
  });
  it('no extra row: the last page', () => {
    expect(keysetPageOf([{ id: 1 }, { id: 2 }], 2, (r) => r.id)).toEqual({ items: [{ id: 1 }, { id: 2 }], nextAfter: null });
    expect(keysetPageOf([], 2, (r: { id: number }) => r.id)).toEqual({ items: [], nextAfter: null });
  });
});

describe('keysetPage (one column)', () => {
  it('orders by the key, seeks past the cursor and fetches limit + 1', async () => {
    const { qb, fetched } = builder([{ id: '5' }, { id: '6' }, { id: '7' }]);
    const page = await keysetPage(qb, { column: 'w.id', after: '4', limit: 2, keyOf: (r: { id: string }) => r.id, fetch: 'raw' });
    expect(page).toEqual({ items: [{ id: '5' }, { id: '6' }], nextAfter: '6' });
    expect(fetched()).toBe(3);
    expect(sqlOf(qb)).toMatch(/WHERE w\.id > \? ORDER BY w\.id ASC/);
    expect(paramsOf(qb)).toEqual(['4']);
  });
  it('DESC walks downwards; no cursor, no seek; entities use take', async () => {
    const { qb, fetched } = builder([{ id: 9 }]);
    const page = await keysetPage(qb, { column: 'w.id', limit: 2, order: 'DESC', keyOf: (r: { id: number }) => r.id });
    expect(page).toEqual({ items: [{ id: 9 }], nextAfter: null });
    expect(fetched()).toBe(3);
    expect(sqlOf(qb)).not.toMatch(/WHERE/);
    expect(sqlOf(qb)).toMatch(/ORDER BY w\.id DESC/);
    const below = builder([]).qb;
    await keysetPage(below, { column: 'w.id', after: '9', limit: 2, order: 'DESC', keyOf: (r: { id: number }) => r.id });
    expect(sqlOf(below)).toMatch(/WHERE w\.id < \?/);
  });
});

describe('keysetPageByKeys (several columns, signed cursor)', () => {
  // a transparent codec: the signing itself is KeysetCursor's (tested in @cws/platform)
  const codec: KeysetCodec & { shapes: string[][] } = {
    shapes: [],
    encode: (values) => JSON.stringify(values),
    decode(cursor, shape) {
      this.shapes.push([...shape]);
      return JSON.parse(cursor);
    },
  };
  const keys = [
    { column: 'w.name', part: 'text' as const, valueOf: (r: { name: string; id: number }) => r.name },
    { column: 'w.id', part: 'int' as const, valueOf: (r: { name: string; id: number }) => r.id },
  ];

  it('seeks (name, id) > cursor lexicographically and encodes the last row', async () => {
    const { qb } = builder([{ name: '王', id: 3 }, { name: '张', id: 1 }, { name: '赵', id: 2 }]);
    const page = await keysetPageByKeys(qb, { keys, cursors: codec, after: '["李",8]', limit: 2, fetch: 'raw' });
    expect(page.nextAfter).toBe('["张",1]');
    expect(codec.shapes).toEqual([['text', 'int']]);
    expect(sqlOf(qb)).toMatch(/WHERE \(\(w\.name > \?\) OR \(w\.name = \? AND w\.id > \?\)\) ORDER BY w\.name ASC, w\.id ASC/);
    expect(paramsOf(qb)).toEqual(['李', '李', 8]);
  });

  it('one key seeks without the OR; DESC uses <', async () => {
    const { qb } = builder([]);
    await keysetPageByKeys(qb, { keys: keys.slice(1), cursors: codec, after: '[8]', limit: 2, order: 'DESC', fetch: 'raw' });
    expect(sqlOf(qb)).toMatch(/WHERE w\.id < \? ORDER BY w\.id DESC/);
  });
});
