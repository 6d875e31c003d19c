import type { AppRouter } from '@aegira/api';
import { createTRPCClient, httpBatchLink, splitLink } from '@trpc/client';
import { lazyLink } from './lazy-link.ts';

/** The server refuses mutations without this header (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-aegira-csrf';

/**
 * The app's one tRPC client: the first page calls it through first-page-client.ts, and the
 * lazily loaded areas' React hooks through trpc-react-provider.tsx. One client means one
 * set of links (the same URL and CSRF header for both), one batch queue and one live stream.
 */
export const trpcClient = createTRPCClient<AppRouter>({
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
