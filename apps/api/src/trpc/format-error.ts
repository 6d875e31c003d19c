import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { APP_ERROR_CODES, APP_ERROR_KINDS, AppError } from '../errors/app-error.ts';

export interface ErrorDetails {
  message: string;
  appCode: string | undefined;
  reason: string | undefined;
  fieldErrors: Record<string, string[]> | undefined;
  /** For a stale expectedVersion: the entity as it is now, so the client can reload. */
  current?: unknown;
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({
    code: APP_ERROR_KINDS[APP_ERROR_CODES[error.code]],
    message: error.message,
    cause: error,
  });
}

/**
 * Field messages keyed by dotted path; an unknown key is reported under its own name.
 * The paths come from the client (a key named `__proto__` or `toString`), so they are
 * collected in a Map and returned as a null-prototype object: never looked up on, or
 * written through, Object.prototype.
 */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const key = path || '(input)';
    fields.set(key, [...(fields.get(key) ?? []), message]);
  };
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add(base ? `${base}.${key}` : key, `unknown field "${key}" is not allowed`);
      }
    } else {
      add(base, issue.message);
    }
  }
  const result = Object.create(null) as Record<string, string[]>;
  for (const [key, messages] of fields) result[key] = messages;
  return result;
}

/**
 * What a client may learn about a failure: for its own mistakes, which field
 * and what is allowed; for anything unexpected, only a request id.
 */
export function describeError(error: TRPCError, requestId: string): ErrorDetails {
  if (error.cause instanceof AppError) {
    return {
      message: error.cause.message,
      appCode: error.cause.code,
      reason: error.cause.reason,
      fieldErrors: error.cause.fieldErrors,
      ...(error.cause.current === undefined ? {} : { current: error.cause.current }),
    };
  }
  if (error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError) {
    const fieldErrors = zodFieldErrors(error.cause);
    const summary = Object.entries(fieldErrors)
      .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
      .join('; ');
    return {
      message: `Invalid input — ${summary}`,
      appCode: 'VALIDATION_FAILED',
      reason: undefined,
      fieldErrors,
    };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return {
      message: `Something went wrong on our side. Please try again; if it persists, quote request id ${requestId}.`,
      appCode: undefined,
      reason: undefined,
      fieldErrors: undefined,
    };
  }
  // tRPC's own protocol errors (payload too large, batch too big, bad method)
  // carry safe, fixed messages.
  return { message: error.message, appCode: undefined, reason: undefined, fieldErrors: undefined };
}
