import { type TransientDatabaseFailure, transientDatabaseFailure } from '@aegira/db';
import type { Response } from 'express';
import { AppError, type AppErrorCode } from './app-error.ts';

/** Seconds a client should wait before retrying a request the database could not serve. */
export const RETRY_AFTER_SECONDS = 1;

const CODES: Readonly<Record<TransientDatabaseFailure, AppErrorCode>> = {
  busy: 'DATABASE_BUSY',
  timeout: 'DATABASE_TIMEOUT',
  unavailable: 'DATABASE_UNAVAILABLE',
};

// Generic on purpose: never the SQL, the table, the lock or the host.
const MESSAGES: Readonly<Record<TransientDatabaseFailure, string>> = {
  busy: 'The service is busy right now. Please try again in a moment.',
  timeout: 'The request took too long and was cancelled. Please try again.',
  unavailable: 'The service is temporarily unavailable. Please try again in a moment.',
};

const RETRYABLE: ReadonlySet<AppErrorCode> = new Set(Object.values(CODES));

/**
 * The AppError a client sees for a transient database failure (lock or statement timeout,
 * deadlock, serialization failure, lost connection, pool or transaction wait), or undefined
 * when `error` is something else. The original error stays as the cause, for the log only.
 */
export function databaseFailureError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return undefined;
  const failure = transientDatabaseFailure(error);
  if (!failure) return undefined;
  return new AppError(CODES[failure], MESSAGES[failure], { cause: error });
}

/** True for the AppErrors of transient database failures: the response carries Retry-After. */
export function isRetryableDatabaseError(error: unknown): boolean {
  return error instanceof AppError && RETRYABLE.has(error.code);
}

/** Express routes outside tRPC: answers a transient database failure, or returns false. */
export function answerDatabaseFailure(res: Response, error: unknown): boolean {
  const requestId: unknown = res.locals.requestId;
  const mapped = isRetryableDatabaseError(error) ? error : databaseFailureError(error);
  if (!(mapped instanceof AppError) || res.headersSent) return false;
  res
    .status(mapped.code === 'DATABASE_TIMEOUT' ? 408 : 503)
    .setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    .json({
      error: {
        code: mapped.code === 'DATABASE_TIMEOUT' ? 'TIMEOUT' : 'SERVICE_UNAVAILABLE',
        message: mapped.message,
        appCode: mapped.code,
        requestId: typeof requestId === 'string' ? requestId : null,
      },
    });
  return true;
}
