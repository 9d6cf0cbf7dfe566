/**
 * `AND [alias.]district_code = ? [AND [alias.]street_code = ?]` for a place (nothing for the city),
 * pushing its parameters: the raw-SQL reads of tables located by district and street.
 */
export function placeFilter(district: string | null, street: string | null, params: unknown[], alias?: string): string {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  let sql = '';
  if (district) {
    sql += ` AND ${col('district_code')} = ?`;
    params.push(district);
  }
  if (street) {
    sql += ` AND ${col('street_code')} = ?`;
    params.push(street);
  }
  return sql;
}
