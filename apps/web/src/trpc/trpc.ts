import type { AppRouter } from '@aegira/api';
import { httpBatchLink, splitLink } from '@trpc/client';
import { createTRPCReact, getQueryKey } from '@trpc/react-query';
import { lazyLink } from './lazy-link.ts';

export const trpc = createTRPCReact<AppRouter>();

/** The server refuses mutations without this header (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-aegira-csrf';

export function createTrpcClient() {
  return trpc.createClient({
    links: [
      splitLink({
        // Live updates over SSE (see subscription-link.ts), its client fetched when the stream
        // opens rather than with the first page; everything else batched over fetch.
        condition: (op) => op.type === 'subscription',
        true: lazyLink(() => import('./subscription-link.ts').then((m) => m.subscriptionLink)),
        false: httpBatchLink({
          url: '/trpc',
          // Same-origin fetches send the httpOnly session cookie on their own.
          headers: { [CSRF_HEADER]: '1' },
        }),
      }),
    ],
  });
}

/** The cache key of `auth.me`, the single source of truth for "who is signed in". */
export function meQueryKey() {
  return getQueryKey(trpc.auth.me, undefined, 'query');
}

export function isMeQueryKey(queryKey: readonly unknown[]): boolean {
  const [path] = queryKey;
  return Array.isArray(path) && path.join('.') === 'auth.me';
}
