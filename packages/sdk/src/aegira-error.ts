import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** `satisfies` makes a code that a new tRPC version adds a type error here, not a silent gap. */
const HTTP_STATUS_BY_CODE = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const satisfies Record<TRPC_ERROR_CODE_KEY, number>;

/**
 * The server's tRPC code, or what went wrong before an answer arrived:
 * TIMEOUT (no answer within `timeoutMs`; the server's own 408 uses the same
 * name and has an httpStatus), NETWORK (no connection), ABORTED (the caller's
 * signal), INVALID_RESPONSE (a 2xx answer that is not the API's, e.g. a wrong
 * baseUrl) and UNKNOWN (a failure inside the client itself).
 */
export type AegiraErrorCode =
  | TRPC_ERROR_CODE_KEY
  | 'NETWORK'
  | 'ABORTED'
  | 'INVALID_RESPONSE'
  | 'UNKNOWN';

export interface AegiraErrorDetails {
  code: AegiraErrorCode;
  message: string;
  httpStatus?: number | undefined;
  fieldErrors?: Record<string, string[]> | undefined;
  appCode?: string | undefined;
  reason?: string | undefined;
  requestId?: string | undefined;
  cause?: unknown;
}

/** Every failed SDK call rejects with one of these. */
export class AegiraError extends Error {
  override readonly name = 'AegiraError';
  readonly code: AegiraErrorCode;
  /** Undefined when no answer arrived (TIMEOUT, NETWORK, ABORTED). */
  readonly httpStatus: number | undefined;
  /** Invalid input by field (dotted path), e.g. `{ date: ['must be a date YYYY-MM-DD'] }`. */
  readonly fieldErrors: Record<string, string[]> | undefined;
  /** The server's finer code, e.g. VALIDATION_FAILED, INVALID_API_TOKEN, CHECK_IN_CLOSED. */
  readonly appCode: string | undefined;
  /** Why a rule refused the request, where the server says. */
  readonly reason: string | undefined;
  /** Quote it to whoever runs the server: their log has the details. */
  readonly requestId: string | undefined;

  constructor(details: AegiraErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.fieldErrors = details.fieldErrors;
    this.appCode = details.appCode;
    this.reason = details.reason;
    this.requestId = details.requestId;
  }
}

/**
 * Turns whatever a call threw (a TRPCClientError, the SDK's transport errors,
 * an abort) into an AegiraError. Reads shapes rather than classes, so errors
 * from another copy of @trpc/client map the same way.
 */
export function toAegiraError(error: unknown): AegiraError {
  if (error instanceof AegiraError) return error;
  const data = field(error, 'data');
  if (isRecord(data)) return fromServer(error, data);
  return fromTransport(error) ?? unknown(error);
}

function fromServer(error: unknown, data: Record<string, unknown>): AegiraError {
  const httpStatus = typeof data.httpStatus === 'number' ? data.httpStatus : undefined;
  const code = isTrpcCode(data.code) ? data.code : codeForStatus(httpStatus ?? 500);
  return new AegiraError({
    code,
    message: messageOf(error),
    httpStatus: httpStatus ?? HTTP_STATUS_BY_CODE[code],
    fieldErrors: fieldErrorsOf(data.fieldErrors),
    appCode: stringOrUndefined(data.appCode),
    reason: stringOrUndefined(data.reason),
    requestId: stringOrUndefined(data.requestId),
    cause: error,
  });
}

/** Walks the cause chain for the failure of the HTTP exchange (see transport-errors.ts). */
function fromTransport(error: unknown): AegiraError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && isRecord(current); depth += 1) {
    const message = messageOf(current);
    switch (current.name) {
      // Ours, or a caller's own AbortSignal.timeout().
      case 'RequestTimeoutError':
      case 'TimeoutError':
        return new AegiraError({ code: 'TIMEOUT', message, cause: error });
      case 'NetworkError':
        return new AegiraError({ code: 'NETWORK', message, cause: error });
      case 'AbortError':
        return new AegiraError({
          code: 'ABORTED',
          message: 'The request was aborted.',
          cause: error,
        });
      case 'UnexpectedResponseError': {
        const status = typeof current.status === 'number' ? current.status : 0;
        const code = status >= 400 ? codeForStatus(status) : 'INVALID_RESPONSE';
        return new AegiraError({ code, message, httpStatus: status || undefined, cause: error });
      }
    }
    current = current.cause;
  }
  return undefined;
}

function unknown(error: unknown): AegiraError {
  return new AegiraError({ code: 'UNKNOWN', message: messageOf(error), cause: error });
}

function codeForStatus(status: number): TRPC_ERROR_CODE_KEY {
  if (status === 400) return 'BAD_REQUEST';
  for (const [code, codeStatus] of Object.entries(HTTP_STATUS_BY_CODE)) {
    if (codeStatus === status && isTrpcCode(code)) return code;
  }
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

function isTrpcCode(value: unknown): value is TRPC_ERROR_CODE_KEY {
  return typeof value === 'string' && Object.hasOwn(HTTP_STATUS_BY_CODE, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function messageOf(error: unknown): string {
  const message = field(error, 'message');
  if (typeof message === 'string' && message) return message;
  return typeof error === 'string' && error ? error : 'Unknown error';
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Only a well-formed map; anything else is dropped rather than passed on half-typed. */
function fieldErrorsOf(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value)) {
    if (!Array.isArray(messages) || !messages.every((m): m is string => typeof m === 'string')) {
      return undefined;
    }
    result[key] = messages;
  }
  return result;
}
