/**
 * A MySQL duplicate-key error (ER_DUP_ENTRY): a unique index refused the row. Raw from mysql2 the
 * code is on the error; TypeORM's QueryFailedError carries it on `driverError` as well.
 */
export function isDuplicateKey(e: unknown): boolean {
  const code = (e as { driverError?: { code?: string } } | null)?.driverError?.code ?? (e as { code?: string } | null)?.code;
  return code === 'ER_DUP_ENTRY';
}
