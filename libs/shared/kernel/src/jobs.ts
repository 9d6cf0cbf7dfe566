/**
 * Typed job and event definitions: a queue, a job name and (at the type level) its payload.
 * Contracts libs declare them; the messaging lib binds them to BullMQ. Payloads carry ids, not
 * records: the handler re-reads current state.
 */
export interface JobDefinition<P> {
  readonly queue: string;
  readonly name: string;
  /**
   * Further queues an event sent through the outbox also goes to, one per other consuming service: a BullMQ queue
   * hands each job to one consumer, so a second service reads its own copy (see `copyOf`).
   */
  readonly copies?: readonly string[];
  /** Phantom field: carries the payload type only. */
  readonly __payload?: P;
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

export function defineJob<P>(queue: string, name: string, copies?: readonly string[]): JobDefinition<P> {
  return copies?.length ? { queue, name, copies } : { queue, name };
}

/** The definition a service consumes an event by on its own copy queue (one of the event's `copies`). */
export function copyOf<P>(def: JobDefinition<P>, queue: string): JobDefinition<P> {
  if (!def.copies?.includes(queue)) throw new Error(`${def.queue}:${def.name} is not copied to ${queue}`);
  return { queue, name: def.name };
}

/** Every queue an event goes to: its own and its copies'. */
export const queuesOf = (def: JobDefinition<unknown>): string[] => [def.queue, ...(def.copies ?? [])];

export const jobKey = (def: JobDefinition<unknown>): string => `${def.queue}:${def.name}`;
