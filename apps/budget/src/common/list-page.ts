/** The lists' one read: a filter naming a place outside the caller's scope answers 404; then a keyset page of the table, as views. */
import type { Principal } from '@cws/kernel';
import type { KeysetPage } from '@cws/persistence';
import { assertFilterInScope } from './access';
import { PAGE_SIZE } from './filters.dto';

type PageFilter = Parameters<typeof assertFilterInScope>[1] & { limit?: number };

/** `read` is the table's repository page; `limit` defaults to the one PageDto documents. */
export async function pageInScope<F extends PageFilter, R, V>(
  p: Principal,
  f: F,
  read: (f: F & { limit: number }) => Promise<KeysetPage<R>>,
  view: (row: R) => V,
): Promise<KeysetPage<V>> {
  assertFilterInScope(p, f);
  const page = await read({ ...f, limit: f.limit ?? PAGE_SIZE.default });
  return { items: page.items.map((r) => view(r)), nextAfter: page.nextAfter };
}
