/**
 * Spaces the calls of `turn()` at least `60 000 / perMinute` ms apart, however many callers wait at once: a batch that
 * reads another service as one client stays under that service's per-client rate limit.
 */
export function pacer(perMinute: number): () => Promise<void> {
  const gap = 60_000 / perMinute;
  let next = 0;
  return async () => {
    const t = Date.now();
    const at = Math.max(t, next);
    next = at + gap;
    if (at > t) await new Promise((resolve) => setTimeout(resolve, at - t));
  };
}
