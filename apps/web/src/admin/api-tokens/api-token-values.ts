import { isValidLocalDate } from '@aegira/domain';
import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';
import { endOfLocalDay } from '../format-instant.ts';

export type ApiToken = RouterOutputs['apiTokens']['list']['items'][number];
export type CreatedApiToken = RouterOutputs['apiTokens']['create'];
export type CreateApiTokenInput = RouterInputs['apiTokens']['create'];
export type ApiTokenScope = ApiToken['scope'];
export type ApiTokenStatus = ApiToken['status'];

/** Most restricted first: the form offers read-only first and selects it by default. */
export const API_TOKEN_SCOPES: readonly ApiTokenScope[] = ['READ_ONLY', 'WHS', 'ADMIN'];

export const scopeLabels: Record<ApiTokenScope, string> = {
  READ_ONLY: 'Read only',
  WHS: 'WHS officer',
  ADMIN: 'Admin',
};

/** What a token of each scope may do, in one line (decision 008). */
export const scopeDescriptions: Record<ApiTokenScope, string> = {
  READ_ONLY: 'Reads everything an admin can read; changes nothing.',
  WHS: 'Acts with the WHS officer role: reads and changes what a WHS officer can.',
  ADMIN: 'Acts with the admin role: reads and changes what an admin can.',
};

export const statusLabels: Record<ApiTokenStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return Object.hasOwn(scopeLabels, value);
}

export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 100;

export type ApiTokenFormValues = { name: string; scope: ApiTokenScope; expiresOn: string };
/** Field names as the server reports them, so its field errors land beside the right field. */
export type ApiTokenField = 'name' | 'scope' | 'expiresAt';
export type ApiTokenErrors = Partial<Record<ApiTokenField, string | undefined>>;
export const apiTokenFields: readonly ApiTokenField[] = ['name', 'scope', 'expiresAt'];

export const emptyApiTokenValues: ApiTokenFormValues = {
  name: '',
  scope: 'READ_ONLY',
  expiresOn: '',
};

/**
 * The last millisecond of a calendar day ('2026-03-29') on the company's clock, as ISO:
 * a token "expiring on" a day works until that day is over there. Null for no such day.
 */
export function endOfDayInZone(date: string, timeZone: string): string | null {
  if (!isValidLocalDate(date)) return null;
  return endOfLocalDay(date, timeZone);
}

/** Today on the company's clock as 'YYYY-MM-DD', the earliest expiry the date picker offers. */
export function localDateToday(timeZone: string, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(now);
  }
}

/**
 * Checks what the browser can; the server decides the rest (an expiry in the past comes
 * back as its field error on expiresAt).
 */
export function validateApiToken(values: ApiTokenFormValues): ApiTokenErrors {
  const name = values.name.trim();
  return {
    name:
      name === ''
        ? 'Name the token after what will use it, e.g. “Nightly export”.'
        : name.length < NAME_MIN_LENGTH
          ? `Use at least ${NAME_MIN_LENGTH} characters.`
          : name.length > NAME_MAX_LENGTH
            ? `Use at most ${NAME_MAX_LENGTH} characters.`
            : undefined,
    expiresAt:
      values.expiresOn === '' || isValidLocalDate(values.expiresOn)
        ? undefined
        : 'Choose a valid date, or leave it empty for a token that does not expire.',
  };
}

export function hasErrors(errors: ApiTokenErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

export function toCreateApiTokenInput(
  values: ApiTokenFormValues,
  timeZone: string,
): CreateApiTokenInput {
  return {
    name: values.name.trim(),
    scope: values.scope,
    expiresAt: values.expiresOn === '' ? null : endOfDayInZone(values.expiresOn, timeZone),
  };
}

/** The start of a token that is safe to show, e.g. "aegira_1a2b3c4d…". */
export function prefixDisplay(prefix: string): string {
  return `${prefix}…`;
}

export type CopyOutcome = 'copied' | 'unavailable' | 'failed';

/**
 * Puts text on the clipboard. 'unavailable' when the browser offers no clipboard (an
 * insecure origin, an old browser), 'failed' when it refuses (no permission).
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined,
): Promise<CopyOutcome> {
  if (clipboard === undefined) return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
