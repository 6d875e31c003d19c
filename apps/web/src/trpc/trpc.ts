import type { AppRouter } from '@aegira/api';
import { createTRPCReact } from '@trpc/react-query';

/**
 * The tRPC React hooks of every page after the first (see first-page-client.ts for the
 * first page's few calls). Their provider comes with each lazily loaded area
 * (trpc-react-provider.tsx, through lazyPage), so none of this is in the first page;
 * the client underneath is the app's one (trpc-client.ts).
 */
export const trpc = createTRPCReact<AppRouter>();
