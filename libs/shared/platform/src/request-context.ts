/** Per-request context (request id, principal) carried through async calls and into jobs. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '@cws/kernel';

export interface RequestContext {
  requestId: string;
  principal?: Principal;
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
};

export const REQUEST_ID_HEADER = 'x-request-id';
