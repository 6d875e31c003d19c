import { TRPCClientError } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';

/** Errors ready to render: one message per form field, plus one for the whole form. */
export type FormErrors = {
  form: string | null;
  fields: Partial<Record<string, string>>;
};

export const noFormErrors: FormErrors = { form: null, fields: {} };

type ErrorData = {
  code: string | null;
  fieldErrors: Record<string, string[]>;
  requestId: string | null;
};

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';
const GENERIC_MESSAGE = 'Something went wrong. Please try again.';
const FIX_FIELDS_MESSAGE = 'Please correct the highlighted fields.';

/**
 * A failed tRPC call. The first page and the lazy areas share one tRPC client
 * (trpc-client.ts), so `@trpc/client` is in the first page anyway; `@trpc/react-query`
 * is not pulled in by this check.
 */
type ClientError = TRPCClientError<AnyRouter>;

function isClientError(error: unknown): error is ClientError {
  return error instanceof TRPCClientError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldErrors(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const result: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      const strings = messages.filter((message): message is string => typeof message === 'string');
      if (strings.length > 0) result[path] = strings;
    }
  }
  return result;
}

function readErrorData(error: { data?: unknown }): ErrorData | null {
  const data = error.data;
  if (!isRecord(data)) return null;
  return {
    code: typeof data.code === 'string' ? data.code : null,
    fieldErrors: readFieldErrors(data.fieldErrors),
    requestId: typeof data.requestId === 'string' ? data.requestId : null,
  };
}

/** The tRPC error code (UNAUTHORIZED, CONFLICT, …), or null when there is none (network, bug). */
export function errorCode(error: unknown): string | null {
  if (!isClientError(error)) return null;
  return readErrorData(error)?.code ?? null;
}

/** App codes of UNAUTHORIZED answers that refuse a credential rather than end a session. */
const CREDENTIAL_REFUSALS: ReadonlySet<string> = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_API_TOKEN',
]);

/** Whether the server said the session behind this request is gone (expired, revoked, deactivated). */
export function endsSession(error: unknown): boolean {
  if (!isClientError(error)) return false;
  const data: unknown = error.data;
  if (!isRecord(data) || data.code !== 'UNAUTHORIZED') return false;
  return typeof data.appCode !== 'string' || !CREDENTIAL_REFUSALS.has(data.appCode);
}

/** No tRPC answer at all: the request never arrived (offline) or a proxy answered. */
function transportMessage(error: Error): string {
  return error.cause instanceof TypeError ? NETWORK_MESSAGE : GENERIC_MESSAGE;
}

/** A server message meant for people; validation libraries sometimes send JSON instead. */
function humanMessage(message: string): string {
  const trimmed = message.trim();
  if (trimmed === '' || trimmed.startsWith('[') || trimmed.startsWith('{')) return GENERIC_MESSAGE;
  return trimmed;
}

/** Field messages come as fragments ("must be at least 12 characters"): make a sentence. */
function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** A single sentence for places without fields (buttons, screens). */
export function errorMessage(error: unknown): string {
  if (!isClientError(error)) return GENERIC_MESSAGE;
  const data = readErrorData(error);
  if (data === null) return transportMessage(error);
  const message = humanMessage(error.message);
  // A reference helps support trace a fault; an expected refusal (wrong password, a
  // guard) is the whole story, and a uuid after it reads like something broke.
  const needsReference =
    data.requestId !== null && isUnexpected(data.code) && !message.includes(data.requestId);
  return needsReference ? `${message} (Reference: ${data.requestId})` : message;
}

/** Server faults, and answers whose code we cannot read; every 4xx code is an expected refusal. */
function isUnexpected(code: string | null): boolean {
  return code === null || !EXPECTED_CODES.has(code);
}

const EXPECTED_CODES: ReadonlySet<string> = new Set([
  'PARSE_ERROR',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'PRECONDITION_REQUIRED',
  'TOO_MANY_REQUESTS',
  'CLIENT_CLOSED_REQUEST',
]);

/**
 * Splits a failed mutation into messages beside the fields the form shows and one
 * form-level message for everything else, so no server message is ever dropped.
 */
export function toFormErrors(error: unknown, formFields: readonly string[]): FormErrors {
  if (!isClientError(error)) return { form: GENERIC_MESSAGE, fields: {} };
  const data = readErrorData(error);
  if (data === null) return { form: transportMessage(error), fields: {} };

  const fields: Partial<Record<string, string>> = {};
  let unplaced = false;
  for (const [path, messages] of Object.entries(data.fieldErrors)) {
    if (formFields.includes(path)) fields[path] = messages.map(sentence).join(' ');
    else unplaced = true;
  }

  // The server's message names every field, so it covers those the form cannot show.
  if (unplaced) return { form: errorMessage(error), fields };
  if (Object.keys(fields).length > 0) return { form: FIX_FIELDS_MESSAGE, fields };
  return { form: errorMessage(error), fields };
}

/** What an edit form shows when its version was stale: it then reloads the latest (decision 035). */
export const STALE_VERSION_MESSAGE = 'Changed by someone else — reloaded the latest.';

/** Whether the server refused an edit because the entity changed since the form loaded it. */
export function isStaleVersion(error: unknown): boolean {
  if (!isClientError(error)) return false;
  const data: unknown = error.data;
  return isRecord(data) && data.appCode === 'VERSION_CONFLICT';
}
