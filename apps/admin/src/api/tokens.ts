import type { TokenPairView } from '@cws/workers-contracts';

/** Where the session's tokens live: sessionStorage, so a tab's login ends with the tab. */
export type TokenPair = Pick<TokenPairView, 'accessToken' | 'refreshToken'>;

export interface TokenStore {
  get(): TokenPair | null;
  set(pair: TokenPair | null): void;
}

const KEY = 'cws.admin.tokens';

export function sessionTokenStore(storage: Storage = window.sessionStorage): TokenStore {
  return {
    get() {
      const raw = storage.getItem(KEY);
      if (!raw) return null;
      try {
        const v = JSON.parse(raw) as TokenPair;
        return v.accessToken && v.refreshToken ? v : null;
      } catch {
        return null;
      }
    },
    set(pair) {
      if (pair) storage.setItem(KEY, JSON.stringify({ accessToken: pair.accessToken, refreshToken: pair.refreshToken }));
      else storage.removeItem(KEY);
    },
  };
}

export function memoryTokenStore(initial: TokenPair | null = null): TokenStore {
  let v = initial;
  return { get: () => v, set: (p) => (v = p) };
}
