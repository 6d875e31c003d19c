import type { AppRouter } from '@aegira/api';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  retryLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { toAegiraError } from './aegira-error.ts';
import {
  IDEMPOTENCY_HEADER,
  idempotencyKeyOf,
  idempotentMutationLink,
} from './idempotent-mutations.ts';
import { retryDelayMs, shouldRetry } from './retry-policy.ts';
import { createTimeoutFetch, type Fetch } from './timeout-fetch.ts';

export interface AegiraClientOptions {
  /** Where the server runs, e.g. `http://localhost:3000`; the API is under `/trpc`. */
  baseUrl: string;
  /** An API token (`aegira_…`) an admin issued. */
  token: string;
  /** Limit for each HTTP request, reading the answer included. Default 15 000. */
  timeoutMs?: number;
  /**
   * Extra attempts for a call that failed transiently (no answer, a 5xx). Default 2.
   * Mutations are retried too: each call sends a fresh Idempotency-Key and its retries
   * reuse it, so the server applies it at most once.
   */
  retries?: number;
  /** In place of the global fetch: a proxy-aware one, or a test double. */
  fetch?: Fetch;
}

/** The whole router, typed: `client.checkIn.forDate.query({ date })`, `client.holidays.create.mutate(…)`. */
export type AegiraClient = TRPCClient<AppRouter>;

// The server refuses larger batches (MAX_BATCH_SIZE in apps/api/src/app.ts);
// beyond it the link splits calls into several requests.
const MAX_BATCH_ITEMS = 10;

export function createAegiraClient(options: AegiraClientOptions): AegiraClient {
  const { timeoutMs = 15_000, retries = 2 } = options;
  if (!options.token) throw new TypeError('createAegiraClient: token is required');
  if (!(timeoutMs > 0)) throw new RangeError('createAegiraClient: timeoutMs must be above 0');
  if (!Number.isInteger(retries) || retries < 0) {
    throw new RangeError('createAegiraClient: retries must be a whole number, 0 or more');
  }
  const url = `${new URL(options.baseUrl).href.replace(/\/+$/, '')}/trpc`;
  // A bearer token, never a cookie: the server then skips its CSRF check.
  const authorization = `Bearer ${options.token}`;
  const fetch = createTimeoutFetch(options.fetch ?? globalThis.fetch, timeoutMs);
  const client = createTRPCClient<AppRouter>({
    links: [
      retryLink({
        retry: ({ op, error, attempts }) =>
          shouldRetry({ type: op.type, error, attempts, retries }),
        retryDelayMs,
      }),
      idempotentMutationLink({ retries }),
      splitLink({
        // One mutation per request: its Idempotency-Key is a header of that request.
        condition: (op) => op.type === 'mutation',
        true: httpLink({
          url,
          fetch,
          headers: ({ op }) => {
            const key = idempotencyKeyOf(op.context);
            return key ? { authorization, [IDEMPOTENCY_HEADER]: key } : { authorization };
          },
        }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, headers: { authorization }, fetch }),
      }),
    ],
  });
  return rejectingWithAegiraErrors(client);
}

/**
 * tRPC wraps whatever a link emits into a TRPCClientError, so the mapping to
 * AegiraError cannot live in a link; it wraps the typed proxy instead. Every
 * `.query()`/`.mutate()` is a call on one of tRPC's function proxies, so this
 * wraps those and maps the rejection of the promise they return.
 */
function rejectingWithAegiraErrors<T extends object>(target: T): T {
  return new Proxy(target, {
    get(inner, key) {
      const value: unknown = Reflect.get(inner, key);
      return typeof value === 'function' ? rejectingWithAegiraErrors(value) : value;
    },
    apply(inner, thisArg: unknown, args: unknown[]) {
      // Only callable targets reach this trap; the check narrows the type for Reflect.apply.
      if (typeof inner !== 'function') throw new TypeError('not a function');
      const result: unknown = Reflect.apply(inner, thisArg, args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        throw toAegiraError(error);
      });
    },
  });
}
