import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { AegiraError, toAegiraError } from './aegira-error.ts';
import { NetworkError, RequestTimeoutError, UnexpectedResponseError } from './transport-errors.ts';

/** What the API's error formatter sends (apps/api/src/trpc/init.ts), as tRPC's client receives it. */
function serverError(code: string, httpStatus: number, message: string, extra = {}) {
  return TRPCClientError.from({
    error: {
      code: -32600,
      message,
      data: { code, httpStatus, path: 'holidays.create', requestId: 'req-1', ...extra },
    },
  });
}

describe('toAegiraError', () => {
  it('carries the server code, status, message, field errors, app code and request id', () => {
    const error = toAegiraError(
      serverError('BAD_REQUEST', 400, 'Invalid input — date: must be a date', {
        appCode: 'VALIDATION_FAILED',
        fieldErrors: { date: ['must be a date'] },
      }),
    );
    expect(error).toBeInstanceOf(AegiraError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AegiraError',
      code: 'BAD_REQUEST',
      httpStatus: 400,
      message: 'Invalid input — date: must be a date',
      fieldErrors: { date: ['must be a date'] },
      appCode: 'VALIDATION_FAILED',
      requestId: 'req-1',
    });
    expect(error.cause).toBeInstanceOf(TRPCClientError);
  });

  it.each([
    ['UNAUTHORIZED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['INTERNAL_SERVER_ERROR', 500],
  ])('maps %s', (code, status) => {
    expect(toAegiraError(serverError(code, status, 'nope'))).toMatchObject({
      code,
      httpStatus: status,
      message: 'nope',
      fieldErrors: undefined,
      appCode: undefined,
    });
  });

  it('reads a TRPCClientError-like object, not only the class', () => {
    const error = toAegiraError({
      message: 'This API token is read-only.',
      data: { code: 'FORBIDDEN', httpStatus: 403, requestId: 'r' },
    });
    expect(error).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403, requestId: 'r' });
  });

  it('derives what the data leaves out, and drops malformed field errors', () => {
    expect(toAegiraError({ message: 'x', data: { httpStatus: 404 } })).toMatchObject({
      code: 'NOT_FOUND',
      httpStatus: 404,
    });
    expect(toAegiraError({ message: 'x', data: { code: 'CONFLICT' } })).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
    });
    expect(
      toAegiraError({ message: 'x', data: { code: 'BAD_REQUEST', fieldErrors: { a: [1] } } })
        .fieldErrors,
    ).toBeUndefined();
  });

  it('maps a timeout, a network failure and an abort found in the cause chain', () => {
    const url = 'http://127.0.0.1:1/trpc/company.get?input=secret';
    const timeout = toAegiraError(TRPCClientError.from(new RequestTimeoutError(100, url)));
    expect(timeout).toMatchObject({ code: 'TIMEOUT', httpStatus: undefined });
    expect(timeout.message).toBe(
      'No response from http://127.0.0.1:1/trpc/company.get within 100 ms.',
    );

    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const network = toAegiraError(
      TRPCClientError.from(
        new NetworkError(url, new TypeError('fetch failed', { cause: refused })),
      ),
    );
    expect(network).toMatchObject({ code: 'NETWORK', httpStatus: undefined });
    expect(network.message).toContain('ECONNREFUSED');
    expect(network.message).not.toContain('secret');

    const aborted = toAegiraError(TRPCClientError.from(new DOMException('gone', 'AbortError')));
    expect(aborted.code).toBe('ABORTED');
    const callerTimeout = toAegiraError(new DOMException('slow', 'TimeoutError'));
    expect(callerTimeout.code).toBe('TIMEOUT');
  });

  it('maps an answer that is not tRPC by its HTTP status', () => {
    const url = 'http://example.test/trpc/x';
    expect(
      toAegiraError(TRPCClientError.from(new UnexpectedResponseError(502, url, undefined))),
    ).toMatchObject({ code: 'BAD_GATEWAY', httpStatus: 502 });
    expect(
      toAegiraError(new UnexpectedResponseError(500, url, 'Something went wrong (request id r).')),
    ).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 500,
      message: 'Something went wrong (request id r).',
    });
    expect(toAegiraError(new UnexpectedResponseError(418, url, undefined))).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 418,
    });
    const html = toAegiraError(new UnexpectedResponseError(200, url, undefined));
    expect(html).toMatchObject({ code: 'INVALID_RESPONSE', httpStatus: 200 });
    expect(html.message).toContain('is baseUrl right?');
  });

  it('keeps an AegiraError as it is and calls anything else UNKNOWN', () => {
    const original = new AegiraError({ code: 'CONFLICT', message: 'taken', httpStatus: 409 });
    expect(toAegiraError(original)).toBe(original);
    expect(toAegiraError(new Error('boom'))).toMatchObject({ code: 'UNKNOWN', message: 'boom' });
    expect(toAegiraError('text')).toMatchObject({ code: 'UNKNOWN', message: 'text' });
    expect(toAegiraError(undefined)).toMatchObject({ code: 'UNKNOWN', message: 'Unknown error' });
  });
});
