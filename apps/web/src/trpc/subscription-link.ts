import type { AppRouter } from '@aegira/api';
import { httpSubscriptionLink, type TRPCLink } from '@trpc/client';

/**
 * Live updates over SSE: a same-origin EventSource sends the session cookie, and a GET
 * needs no CSRF header. Loaded by `lazyLink` when the first subscription starts.
 */
export const subscriptionLink: TRPCLink<AppRouter> = httpSubscriptionLink({ url: '/trpc' });
