import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { endsSession, errorCode } from './errors.ts';
import { isMeQueryKey, meQueryKey } from './first-page-client.ts';

const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
]);

function createQueryClient(): QueryClient {
  // A revoked session (logout elsewhere, deactivation, role change) shows up as
  // UNAUTHORIZED on the next read or write: drop back to the login screen, which says
  // why (see useSessionQuery). A wrong password is UNAUTHORIZED too, but no session ended.
  const signOutIfEnded = (error: unknown) => {
    if (endsSession(error)) queryClient.setQueryData(meQueryKey(), { user: null });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!isMeQueryKey(query.queryKey)) signOutIfEnded(error);
      },
    }),
    mutationCache: new MutationCache({ onError: signOutIfEnded }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          const code = errorCode(error);
          // A busy or briefly unreachable database (503/408, Retry-After: 1) is worth a retry too.
          if (code !== null && !RETRYABLE_CODES.has(code)) return false;
          return failureCount < 2;
        },
      },
    },
  });
  return queryClient;
}

/**
 * The app's one QueryClient. tRPC's React provider is not here: the first page makes its
 * few calls through first-page-client.ts, and each lazily loaded area brings the provider
 * with it (trpc-react-provider.tsx), over this same cache.
 */
export function TrpcProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
