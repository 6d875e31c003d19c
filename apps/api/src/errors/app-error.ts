/**
 * Errors services throw. Services know nothing of tRPC; one map
 * (trpc/error-map.ts) turns each code into a transport error.
 */
export const APP_ERROR_KINDS = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNPROCESSABLE: 'UNPROCESSABLE_CONTENT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  // Transient database failures (decision 034): retryable, sent with Retry-After.
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
} as const;

/** Each specific code and the kind of failure it is. */
export const APP_ERROR_CODES = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  INVALID_TIMEZONE: 'BAD_REQUEST',
  WEAK_PASSWORD: 'BAD_REQUEST',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  NOT_SIGNED_IN: 'UNAUTHORIZED',
  INVALID_API_TOKEN: 'UNAUTHORIZED',
  ACCOUNT_INACTIVE: 'UNAUTHORIZED',
  // An admin-set or one-time password must be changed before anything else.
  PASSWORD_CHANGE_REQUIRED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  EMAIL_TAKEN: 'CONFLICT',
  ALREADY_REVOKED: 'CONFLICT',
  ALREADY_CHECKED_IN: 'CONFLICT',
  CHECK_IN_NOT_ALLOWED: 'UNPROCESSABLE',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  // People, holidays and self-service.
  SELF_ACTION_FORBIDDEN: 'FORBIDDEN',
  LEADS_ACTIVE_TEAM: 'CONFLICT',
  SUPERVISES_ACTIVE_TEAM: 'CONFLICT',
  PENDING_TRANSFER: 'CONFLICT',
  ALREADY_ACTIVE: 'CONFLICT',
  ALREADY_INACTIVE: 'CONFLICT',
  STILL_ACTIVE: 'CONFLICT',
  ALREADY_ERASED: 'CONFLICT',
  HOLIDAY_EXISTS: 'CONFLICT',
  INCORRECT_PASSWORD: 'BAD_REQUEST',
  // Teams and assignment.
  TEAM_NAME_TAKEN: 'CONFLICT',
  LEADER_TAKEN: 'CONFLICT',
  ALREADY_IN_TEAM: 'CONFLICT',
  NO_PENDING_TRANSFER: 'UNPROCESSABLE',
  // Leave and missed check-ins.
  LEAVE_OVERLAP: 'CONFLICT',
  LEAVE_ALREADY_CANCELLED: 'CONFLICT',
  MISS_NOT_OPEN: 'CONFLICT',
  // Incidents and cases: a second review, or a transition the case's state no longer allows.
  ALREADY_REVIEWED: 'CONFLICT',
  CASE_TRANSITION_NOT_ALLOWED: 'CONFLICT',
  // Audit integrity: no checkpoint signing key is configured (production without one).
  AUDIT_KEY_MISSING: 'UNPROCESSABLE',
  // Optimistic concurrency and idempotency keys (decision 035).
  VERSION_CONFLICT: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'UNPROCESSABLE',
  IDEMPOTENCY_KEY_IN_PROGRESS: 'CONFLICT',
  // The database is busy (lock or pool wait, deadlock, serialization), unreachable, or cut a
  // statement short: the request may succeed if retried (errors/database-failure.ts).
  DATABASE_BUSY: 'SERVICE_UNAVAILABLE',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  DATABASE_TIMEOUT: 'TIMEOUT',
} as const satisfies Record<string, keyof typeof APP_ERROR_KINDS>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export interface AppErrorOptions {
  /** Field-level messages keyed by dotted input path ("admin.email"). */
  fieldErrors?: Record<string, string[]>;
  /** A finer reason code for the client, e.g. a check-in rejection such as HOLIDAY. */
  reason?: string;
  /** The entity as the client would read it now (a stale expectedVersion's CONFLICT). */
  current?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly reason: string | undefined;
  readonly current: unknown;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.fieldErrors = options.fieldErrors;
    this.reason = options.reason;
    this.current = options.current;
  }
}

/** A one-field validation failure with a message that names the field. */
export function fieldError(
  field: string,
  message: string,
  code: AppErrorCode = 'VALIDATION_FAILED',
) {
  return new AppError(code, `${field}: ${message}`, { fieldErrors: { [field]: [message] } });
}
