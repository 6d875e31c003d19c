import type { OperationLink, TRPCClientRuntime, TRPCLink } from '@trpc/client';
import { TRPCClientError } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';

/**
 * A link whose code is fetched the first time an operation reaches it. The SSE client
 * (with the event-stream parser and the retry machinery it shares with the WebSocket
 * client) is a sizeable part of the tRPC client that only the live stream uses, so it
 * comes after the first page instead of in it. A failed load fails that operation only
 * and is retried by the next one (the live stream re-opens itself with backoff).
 */
export function lazyLink<TRouter extends AnyRouter>(
  load: () => Promise<TRPCLink<TRouter>>,
): TRPCLink<TRouter> {
  return (runtime: TRPCClientRuntime) => {
    let loading: Promise<OperationLink<TRouter>> | null = null;
    return ({ op, next }) =>
      observable((observer) => {
        let inner: Unsubscribable | null = null;
        let closed = false;
        loading ??= load().then((link) => link(runtime));
        loading.then(
          (operationLink) => {
            if (closed) return;
            inner = operationLink({ op, next }).subscribe(observer);
          },
          (cause: unknown) => {
            loading = null;
            if (!closed) observer.error(TRPCClientError.from(toError(cause)));
          },
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      });
  };
}

function toError(cause: unknown): Error {
  return cause instanceof Error ? cause : new Error(String(cause));
}
