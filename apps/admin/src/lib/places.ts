/**
 * The name of an org code from the org lists at hand (districts, streets, communities in any mix),
 * or the code itself while they load or when it is not listed.
 */
export function placeNamer(...lists: Array<ReadonlyArray<{ code: string; name: string | null }> | undefined>): (code: string) => string {
  const names = new Map<string, string>();
  for (const list of lists) for (const place of list ?? []) if (place.name !== null) names.set(place.code, place.name);
  return (code) => names.get(code) ?? code;
}

/** A select's options for places (districts, streets or communities): the code as the value, the name as the label; none while the list loads. */
export function placeOptions<N>(places: ReadonlyArray<{ code: string; name: N }> | undefined): Array<{ value: string; label: N }> {
  return (places ?? []).map((p) => ({ value: p.code, label: p.name }));
}
