/**
 * Runs `work` on each item, at most `atOnce` at a time, in the items' order of starting; resolves when all are done.
 * A failure rejects at once (the others already started still run to their end): a caller that wants every item
 * tried catches inside `work`.
 */
export async function eachAtMost<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, lane));
}
