/** Per-request context (request id, principal) carried through async calls and into jobs. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '@cws/kernel';

export interface RequestContext {
  requestId: string;
  principal?: Principal;
  /** Sets a header on the HTTP response being built (absent outside HTTP, e.g. in a queue job). */
  setResponseHeader?: (name: string, value: string) => void;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  /** A response header from deep inside a service (e.g. Idempotent-Replayed); a no-op outside HTTP. */
  setResponseHeader(name: string, value: string): void {
    storage.getStore()?.setResponseHeader?.(name, value);
  },
};

export const REQUEST_ID_HEADER = 'x-request-id';
