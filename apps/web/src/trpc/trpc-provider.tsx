import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { errorCode } from './errors.ts';
import { createTrpcClient, isMeQueryKey, meQueryKey, trpc } from './trpc.ts';

function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A revoked session (logout elsewhere, deactivation, role change) shows up as
      // UNAUTHORIZED on the next read: drop back to the login screen.
      onError: (error, query) => {
        if (errorCode(error) === 'UNAUTHORIZED' && !isMeQueryKey(query.queryKey)) {
          queryClient.setQueryData(meQueryKey(), { user: null });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          const code = errorCode(error);
          if (code !== null && code !== 'INTERNAL_SERVER_ERROR') return false;
          return failureCount < 2;
        },
      },
    },
  });
  return queryClient;
}

export function TrpcProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
