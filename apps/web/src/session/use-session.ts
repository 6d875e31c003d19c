import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { isMeQueryKey, meQueryKey, procedureQuery } from '../trpc/first-page-client.ts';
import type { SessionUser } from '../trpc/types.ts';
import { useSessionStore } from './session-store.ts';

/** Loads `auth.me` and mirrors its answer into the session store for rendering. */
export function useSessionQuery() {
  const me = useQuery({
    ...procedureQuery('auth.me'),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const setUser = useSessionStore((state) => state.setUser);
  const sessionEnded = useSessionStore((state) => state.sessionEnded);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!me.data) return;
    // Signed in → out with no logout (a logout leaves the shell first, see useApplySession):
    // the server ended the session. Drop what the page showed and tell the login page why.
    if (me.data.user === null && useSessionStore.getState().status === 'signed-in') {
      sessionEnded();
      queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
      return;
    }
    setUser(me.data.user);
  }, [me.data, setUser, sessionEnded, queryClient]);
  return me;
}

/**
 * Records who is signed in after login, sign-up or logout. The `auth.me` cache stays
 * the one source of truth; signing out also drops every other cached answer so the
 * next person on this browser never sees the previous person's data.
 */
export function useApplySession(): (user: SessionUser | null) => void {
  const queryClient = useQueryClient();
  const setUser = useSessionStore((state) => state.setUser);
  return useCallback(
    (user) => {
      if (user === null) {
        // Leave the signed-in shell first: a page still on screen whose query was just
        // removed would render once more and fetch it again, without a session (401).
        setUser(null);
        queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
      }
      queryClient.setQueryData(meQueryKey(), { user });
    },
    [queryClient, setUser],
  );
}
