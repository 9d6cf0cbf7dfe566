type DriverError = { code?: string; sqlMessage?: string; message?: string };

/**
 * A MySQL duplicate-key error (ER_DUP_ENTRY): a unique index refused the row. Raw from mysql2 the
 * code is on the error; TypeORM's QueryFailedError carries it on `driverError` as well.
 * With `index`, only that unique index's refusal: the message ends with the key's name, `'uq_x'` on
 * MariaDB and `'table.uq_x'` on MySQL 8 (the code alone does not say which key refused the row).
 */
export function isDuplicateKey(e: unknown, index?: string): boolean {
  const err = e as (DriverError & { driverError?: DriverError }) | null | undefined;
  const code = err?.driverError?.code ?? err?.code;
  if (code !== 'ER_DUP_ENTRY') return false;
  if (index === undefined) return true;
  const message = err?.driverError?.sqlMessage ?? err?.driverError?.message ?? err?.sqlMessage ?? err?.message ?? '';
  const key = /for key '(?:[^'.]+\.)?([^'.]+)'$/.exec(message);
  return key?.[1] === index;
}

/**
 * A unique index's refusal (of `index` only, when given) is thrown as `error`, the rule's own answer (the
 * index is the last line of defence behind a check that cannot see another writer's uncommitted row);
 * any other error is thrown as it is.
 */
export function rethrowDuplicate(err: unknown, error: Error, index?: string): never {
  throw isDuplicateKey(err, index) ? error : err;
}
