import type { ApiTokenCredential } from '../auth/api-token.ts';
import type { SessionCookieJar } from '../auth/session-cookie.ts';
import type { SessionClaims } from '../auth/session-token.ts';
import type { Actor, ApiDeps } from '../services/actor.ts';

export type { Actor, ApiDeps };

export interface ContextInnerOptions {
  deps: ApiDeps;
  /** Claims of a signature-checked session token, or null when there is none. */
  session: SessionClaims | null;
  /** An API token from the Authorization header ('malformed' when it cannot be one); the cookie is then ignored. */
  apiToken?: ApiTokenCredential | 'malformed' | null;
  cookies: SessionCookieJar;
  requestId?: string;
  clientIp?: string;
  /** The browser's device cookie (apps/api/src/auth/device-cookie.ts), read only by login. */
  deviceCookie?: string | null;
  /** The Idempotency-Key header of the request, if any (trpc/idempotency.ts). */
  idempotencyKey?: string | null;
}

/** Needs no HTTP request, so tests call procedures through createCaller. */
export function createContextInner(options: ContextInnerOptions) {
  return {
    ...options.deps,
    deps: options.deps,
    session: options.session,
    apiToken: options.apiToken ?? null,
    cookies: options.cookies,
    requestId: options.requestId ?? 'internal',
    clientIp: options.clientIp ?? 'internal',
    deviceCookie: options.deviceCookie ?? null,
    idempotencyKey: options.idempotencyKey ?? null,
  };
}

export type Context = ReturnType<typeof createContextInner>;
