import type { Db } from '@aegira/db';
import type { Role } from '@aegira/events';
import type { ApiTokenCredential } from '../auth/api-token.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { SessionCookieJar } from '../auth/session-cookie.ts';
import type { SessionClaims } from '../auth/session-token.ts';
import type { Logger } from '../http/logger.ts';

/** Built once per server: what every request shares. */
export interface ApiDeps {
  db: Db;
  jwtSecret: string;
  secureCookies: boolean;
  loginLimiter: LoginLimiter;
  logger: Logger;
  /** The clock; tests fix it to exercise the check-in window rules. */
  now?: () => Date;
}

/** The verified person behind a request, re-read from the database on every request. */
export interface Actor {
  personId: string;
  companyId: string;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
  /** The API token the request came with (its issuer is the person above); null for a browser session. */
  tokenId: string | null;
  /** A read-only token may call queries only. */
  readOnly: boolean;
}

export interface ContextInnerOptions {
  deps: ApiDeps;
  /** Claims of a signature-checked session token, or null when there is none. */
  session: SessionClaims | null;
  /** An API token from the Authorization header ('malformed' when it cannot be one); the cookie is then ignored. */
  apiToken?: ApiTokenCredential | 'malformed' | null;
  cookies: SessionCookieJar;
  requestId?: string;
  clientIp?: string;
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
  };
}

export type Context = ReturnType<typeof createContextInner>;
