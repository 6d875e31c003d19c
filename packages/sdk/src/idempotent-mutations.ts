import type { AppRouter } from '@aegira/api';
import type { TRPCLink } from '@trpc/client';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { toAegiraError } from './aegira-error.ts';
import { isTransient, retryDelayMs } from './retry-policy.ts';

/** The header the server reads (apps/api/src/trpc/idempotency.ts, decision 035). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A longer Retry-After than this is not waited for: the error goes to the caller. */
const MAX_RETRY_AFTER_MS = 30_000;

/** The key a mutation's operation carries in its context, set once per call. */
export function idempotencyKeyOf(context: Record<string, unknown>): string | undefined {
  const key = context.idempotencyKey;
  return typeof key === 'string' ? key : undefined;
}

/** The server's Retry-After (seconds) on a failed answer, if it sent one. */
function retryAfterMs(error: unknown): number | undefined {
  const meta = (error as { meta?: { response?: { headers?: unknown } } }).meta;
  const headers = meta?.response?.headers;
  if (!(headers instanceof Headers)) return undefined;
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Gives every mutation call a fresh Idempotency-Key and retries it, with the same key, when
 * it failed transiently (no answer, or a 5xx such as a 503): the server answers a repeated
 * key with the first answer and writes nothing, so a retry never applies a change twice.
 * The wait is the server's Retry-After when it sent one, else the usual backoff.
 */
export function idempotentMutationLink(options: { retries: number }): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) => {
      if (op.type !== 'mutation') return next(op);
      const keyed = {
        ...op,
        context: { ...op.context, idempotencyKey: globalThis.crypto.randomUUID() },
      };
      return observable((observer) => {
        let attempts = 0;
        let current: Unsubscribable | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const attempt = () => {
          attempts += 1;
          current = next(keyed).subscribe({
            next: (value) => observer.next(value),
            error: (error) => {
              const wait = Math.max(retryAfterMs(error) ?? 0, retryDelayMs(attempts));
              const retry =
                attempts <= options.retries &&
                wait <= MAX_RETRY_AFTER_MS &&
                isTransient(toAegiraError(error));
              if (retry) timer = setTimeout(attempt, wait);
              else observer.error(error);
            },
            complete: () => observer.complete(),
          });
        };
        attempt();
        return () => {
          clearTimeout(timer);
          current?.unsubscribe();
        };
      });
    };
}
