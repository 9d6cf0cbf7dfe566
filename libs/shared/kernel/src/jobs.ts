/**
 * Typed job and event definitions: a queue, a job name and (at the type level) its payload.
 * Contracts libs declare them; the messaging lib binds them to BullMQ. Payloads carry ids, not
 * records: the handler re-reads current state.
 */
export interface JobDefinition<P> {
  readonly queue: string;
  readonly name: string;
  /** Phantom field: carries the payload type only. */
  readonly __payload?: P;
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

export function defineJob<P>(queue: string, name: string): JobDefinition<P> {
  return { queue, name };
}

export const jobKey = (def: JobDefinition<unknown>): string => `${def.queue}:${def.name}`;
