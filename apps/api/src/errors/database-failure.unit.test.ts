import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import {
  answerDatabaseFailure,
  databaseFailureError,
  isRetryableDatabaseError,
} from './database-failure.ts';

function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

/** Just enough of an Express response to see what a route would send. */
function fakeResponse() {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
    headers: {},
  };
  const res = {
    headersSent: false,
    locals: { requestId: 'req-7' },
    status(code: number) {
      sent.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe('database failures as the client sees them', () => {
  it('maps a lock timeout to DATABASE_BUSY with a message that names no SQL', () => {
    const error = databaseFailureError(
      pgError('55P03', 'canceling statement due to lock timeout on relation "persons"'),
    );
    expect(error?.code).toBe('DATABASE_BUSY');
    expect(error?.message).not.toMatch(/persons|lock timeout|relation/);
    expect(isRetryableDatabaseError(error)).toBe(true);
  });

  it('leaves AppErrors and unrelated failures alone', () => {
    expect(databaseFailureError(new AppError('NOT_FOUND', 'gone'))).toBeUndefined();
    expect(databaseFailureError(pgError('23505', 'duplicate key'))).toBeUndefined();
    expect(isRetryableDatabaseError(new AppError('NOT_FOUND', 'gone'))).toBe(false);
  });

  it('answers an Express route with 408 or 503, Retry-After: 1 and the request id', () => {
    const timeout = fakeResponse();
    expect(
      answerDatabaseFailure(
        timeout.res,
        pgError('57014', 'canceling statement due to statement timeout'),
      ),
    ).toBe(true);
    expect(timeout.sent).toEqual({
      status: 408,
      headers: { 'retry-after': '1' },
      body: {
        error: {
          code: 'TIMEOUT',
          appCode: 'DATABASE_TIMEOUT',
          message: 'The request took too long and was cancelled. Please try again.',
          requestId: 'req-7',
        },
      },
    });
    const lost = fakeResponse();
    expect(answerDatabaseFailure(lost.res, new Error('Connection terminated unexpectedly'))).toBe(
      true,
    );
    expect(lost.sent.status).toBe(503);
    const other = fakeResponse();
    expect(answerDatabaseFailure(other.res, new TypeError('x is undefined'))).toBe(false);
    expect(other.sent.status).toBeUndefined();
  });
});
