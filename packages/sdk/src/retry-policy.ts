import { type AegiraError, toAegiraError } from './aegira-error.ts';

export type OperationType = 'query' | 'mutation' | 'subscription';

/**
 * A failure that may pass by itself: no answer (a dropped connection, a
 * timeout) or the server's or a proxy's 5xx. 501 means "never", and a 4xx is
 * the request's own fault, so asking again would only repeat it.
 */
export function isTransient(error: AegiraError): boolean {
  if (error.httpStatus === undefined) return error.code === 'NETWORK' || error.code === 'TIMEOUT';
  return error.httpStatus >= 500 && error.httpStatus !== 501;
}

/**
 * Whether tRPC's retryLink retries a call: queries only, since they change nothing.
 * A mutation that timed out or got a 502 may still have been applied, so it is
 * retried only under its Idempotency-Key (idempotent-mutations.ts), which makes the
 * server answer a repeat with the first answer instead of applying it twice.
 */
export function shouldRetry(options: {
  type: OperationType;
  error: unknown;
  /** Attempts made so far, the first included. */
  attempts: number;
  retries: number;
}): boolean {
  return (
    options.type === 'query' &&
    options.attempts <= options.retries &&
    isTransient(toAegiraError(options.error))
  );
}

/** 250 ms, 500 ms, 1 s … capped at 2 s: enough for a restart or a blip, short for a script. */
export function retryDelayMs(attempts: number): number {
  return Math.min(250 * 2 ** (attempts - 1), 2_000);
}
