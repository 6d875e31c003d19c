import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, type ReactNode } from 'react';
import { trpc } from './trpc.ts';
import { trpcClient } from './trpc-client.ts';

/**
 * tRPC's React context for a lazily loaded area, over the app's one QueryClient and its
 * one tRPC client (the first page's too: one batch queue, one live stream). Each
 * area gets its own provider (cheap: a memoised object), which keeps the tRPC React
 * client out of the first page without re-mounting the app when it arrives.
 */
export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      {children}
    </trpc.Provider>
  );
}

/** `Page` inside the provider, with the same props. */
export function withTrpcReact<Props extends object>(
  Page: ComponentType<Props>,
): ComponentType<Props> {
  function WithTrpcReact(props: Props) {
    return <TrpcReactProvider>{createElement(Page, props)}</TrpcReactProvider>;
  }
  return WithTrpcReact;
}
