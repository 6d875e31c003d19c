import { describe, expect, it } from 'vitest';
import { AegiraError, type AegiraErrorCode } from './aegira-error.ts';
import { retryDelayMs, shouldRetry } from './retry-policy.ts';

function failure(code: AegiraErrorCode, httpStatus?: number) {
  return new AegiraError({ code, message: code, httpStatus });
}

const transient = [
  failure('NETWORK'),
  failure('TIMEOUT'),
  failure('INTERNAL_SERVER_ERROR', 500),
  failure('BAD_GATEWAY', 502),
  failure('SERVICE_UNAVAILABLE', 503),
  failure('GATEWAY_TIMEOUT', 504),
];

const permanent = [
  failure('BAD_REQUEST', 400),
  failure('UNAUTHORIZED', 401),
  failure('FORBIDDEN', 403),
  failure('NOT_FOUND', 404),
  failure('CONFLICT', 409),
  // The server's own 408 is a 4xx: the request, not the network, was too slow.
  failure('TIMEOUT', 408),
  failure('TOO_MANY_REQUESTS', 429),
  failure('NOT_IMPLEMENTED', 501),
  failure('ABORTED'),
  failure('INVALID_RESPONSE', 200),
  failure('UNKNOWN'),
];

describe('retry policy', () => {
  it.each(transient)('retries a query after $code ($httpStatus)', (error) => {
    expect(shouldRetry({ type: 'query', error, attempts: 1, retries: 2 })).toBe(true);
  });

  it.each(transient)('never retries a mutation, even after $code ($httpStatus)', (error) => {
    expect(shouldRetry({ type: 'mutation', error, attempts: 1, retries: 2 })).toBe(false);
  });

  it.each(permanent)('does not retry a query after $code ($httpStatus)', (error) => {
    expect(shouldRetry({ type: 'query', error, attempts: 1, retries: 2 })).toBe(false);
  });

  it('stops after the configured number of retries', () => {
    const error = failure('SERVICE_UNAVAILABLE', 503);
    expect(shouldRetry({ type: 'query', error, attempts: 2, retries: 2 })).toBe(true);
    expect(shouldRetry({ type: 'query', error, attempts: 3, retries: 2 })).toBe(false);
    expect(shouldRetry({ type: 'query', error, attempts: 1, retries: 0 })).toBe(false);
  });

  it('decides on the raw error a link sees, not only on AegiraError', () => {
    const trpcLike = { message: 'down', data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 } };
    expect(shouldRetry({ type: 'query', error: trpcLike, attempts: 1, retries: 2 })).toBe(true);
  });

  it('backs off a little more each time, within a cap', () => {
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([250, 500, 1000, 2000]);
  });
});
