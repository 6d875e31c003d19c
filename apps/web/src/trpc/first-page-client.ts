import { getUntypedClient } from '@trpc/client';
import { trpcClient } from './trpc-client.ts';
import type { RouterInputs, RouterOutputs } from './types.ts';

/**
 * The few calls the first page makes (who is signed in, log in and out, today's check-in,
 * the unread count), through the app's tRPC client (trpc-client.ts) with `useQuery` and
 * `useMutation` from TanStack Query, without tRPC's React hooks: those (and the query
 * helpers they pull in) come with the first lazily loaded area (trpc.ts).
 * Answers land under the query keys tRPC's hooks use, so both share one cache: an
 * invalidation of `trpc.notifications` from a later page refreshes the header's count.
 */

type Namespace = keyof RouterOutputs & string;

/** 'auth.me', 'checkIn.status', …: a procedure one level below the root router. */
export type ProcedurePath = {
  [N in Namespace]: `${N}.${keyof RouterOutputs[N] & string}`;
}[Namespace];

type Lookup<Tree, P extends string> = P extends `${infer N}.${infer M}`
  ? N extends keyof Tree
    ? M extends keyof Tree[N]
      ? Tree[N][M]
      : never
    : never
  : never;

export type OutputOf<P extends ProcedurePath> = Lookup<RouterOutputs, P>;
export type InputOf<P extends ProcedurePath> = Lookup<RouterInputs, P>;

/** The cache key tRPC's React hooks give a query (see getQueryKey in @trpc/react-query). */
export function procedureQueryKey(path: ProcedurePath, input?: unknown): readonly unknown[] {
  return [path.split('.'), input === undefined ? { type: 'query' } : { input, type: 'query' }];
}

/** The cache key of `auth.me`, the single source of truth for "who is signed in". */
export function meQueryKey(): readonly unknown[] {
  return procedureQueryKey('auth.me');
}

export function isMeQueryKey(queryKey: readonly unknown[]): boolean {
  const [path] = queryKey;
  return Array.isArray(path) && path.join('.') === 'auth.me';
}

/**
 * The client addressed by path ('auth.me'), which is what these helpers are given; the
 * types come from ProcedurePath/OutputOf instead of the client's typed proxy.
 */
const untypedClient = getUntypedClient(trpcClient);

/** Query options for one procedure, for `useQuery` from @tanstack/react-query. */
export function procedureQuery<P extends ProcedurePath>(path: P, input?: InputOf<P>) {
  return {
    queryKey: procedureQueryKey(path, input),
    // No abort signal, as tRPC's hooks by default (abortOnUnmount: false): an answer that
    // arrives after its screen left still fills the cache.
    queryFn: () => untypedClient.query(path, input) as Promise<OutputOf<P>>,
  };
}

/** Mutation options for one procedure, for `useMutation` from @tanstack/react-query. */
export function procedureMutation<P extends ProcedurePath>(path: P) {
  return {
    mutationKey: [path.split('.')],
    mutationFn: (input: InputOf<P>) => untypedClient.mutation(path, input) as Promise<OutputOf<P>>,
  };
}
