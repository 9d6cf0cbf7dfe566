/**
 * The name of an org code from the org lists at hand (districts, streets, communities in any mix),
 * or the code itself while they load or when it is not listed.
 */
export function placeNamer(...lists: Array<ReadonlyArray<{ code: string; name: string | null }> | undefined>): (code: string) => string {
  const names = new Map<string, string>();
  for (const list of lists) for (const place of list ?? []) if (place.name !== null) names.set(place.code, place.name);
  return (code) => names.get(code) ?? code;
}
