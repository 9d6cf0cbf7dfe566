import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/context';
import type { Me, Role, TokenResponse } from '../api/types';

const W = '/api/workers/v1/auth';

interface AuthValue {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => !!api.tokens.get());
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.get<Me>(`${W}/me`, undefined, signal),
    enabled: signedIn,
    retry: false,
    staleTime: 5 * 60_000,
  });

  const login = useCallback(
    async (username: string, password: string) => {
      const pair = await api.post<TokenResponse>(`${W}/login`, { username, password }, { anonymous: true });
      api.tokens.set(pair);
      queryClient.clear();
      setSignedIn(true);
      await queryClient.fetchQuery({ queryKey: ['me'], queryFn: () => api.get<Me>(`${W}/me`) });
    },
    [api, queryClient],
  );

  const logout = useCallback(async () => {
    const refreshToken = api.tokens.get()?.refreshToken;
    api.tokens.set(null);
    setSignedIn(false);
    queryClient.clear();
    if (refreshToken) {
      try {
        await api.post(`${W}/logout`, { refreshToken }, { anonymous: true });
      } catch {
        /* the session is gone locally either way */
      }
    }
  }, [api, queryClient]);

  const me = signedIn && api.tokens.get() ? (meQuery.data ?? null) : null;
  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: signedIn && meQuery.isPending,
      login,
      logout,
      hasRole: (...roles) => !!me && me.roles.some((r) => roles.includes(r)),
    }),
    [me, signedIn, meQuery.isPending, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
