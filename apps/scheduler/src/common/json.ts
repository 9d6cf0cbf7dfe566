/** LONGTEXT JSON columns: MariaDB and MySQL both hand back strings; null stays null. */
export function fromJson<T>(v: unknown): T | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export const toJson = (v: unknown): string => JSON.stringify(v);

/** A DATETIME(3) or DATE value as MySQL returns it (Date or string) → ISO string. */
export function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}
