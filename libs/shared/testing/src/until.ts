/**
 * Polls `read` every `everyMs` (200 ms) until `done` holds, for specs that wait on a queued
 * computation (a run, a roster); the timeout message shows what was last read.
 */
export async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 120_000, everyMs = 200): Promise<T> {
  const stop = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    // String(): JSON.stringify(undefined) is undefined, not text
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}: ${String(JSON.stringify(v)).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Polls `probe` every 100 ms until it answers something other than `undefined`, and returns that: for
 * specs that wait on a message crossing a queue to another service.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  return (await until(what, probe, (v) => v !== undefined, ms, 100)) as T;
}
