/**
 * A form's values without the fields left empty. Ant Design keeps '' for an input typed in and cleared, and null for
 * a cleared number; the API reads an absent optional field as "not given" but refuses '' (it fails the field's
 * pattern) and null (not a value of the field).
 */
export function filledIn<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
