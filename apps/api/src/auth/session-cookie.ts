import type { CookieOptions, Response } from 'express';
import { DEVICE_COOKIE, DEVICE_COOKIE_TTL_SECONDS } from './device-cookie.ts';
import { SESSION_TTL_SECONDS } from './session-token.ts';

/**
 * `__Host-`: the browser keeps it only if Secure, Path=/ and without Domain, so
 * no subdomain can set or shadow it (docs/decisions/032-login-throttling.md).
 */
export const SESSION_COOKIE = '__Host-aegira_session';

/** What procedures may do with the session cookie; tests capture it without HTTP. */
export interface SessionCookieJar {
  set(token: string): void;
  clear(): void;
  /** The signed device cookie a successful login issues (absent where no browser is served). */
  setDevice?(value: string): void;
}

/**
 * Always Secure: a `__Host-` cookie must be, and browsers accept Secure cookies
 * from plain-HTTP localhost / 127.0.0.1 / ::1 (a trustworthy origin), so local
 * development keeps working while every other origin needs HTTPS.
 */
export function cookieOptions(): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: true,
    path: '/',
  };
}

export function expressCookieJar(res: Response): SessionCookieJar {
  return {
    set: (token) =>
      res.cookie(SESSION_COOKIE, token, {
        ...cookieOptions(),
        maxAge: SESSION_TTL_SECONDS * 1000,
      }),
    clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions()),
    setDevice: (value) =>
      res.cookie(DEVICE_COOKIE, value, {
        ...cookieOptions(),
        maxAge: DEVICE_COOKIE_TTL_SECONDS * 1000,
      }),
  };
}
