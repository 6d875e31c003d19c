import type { CookieOptions, Response } from 'express';
import { SESSION_TTL_SECONDS } from './session-token.ts';

export const SESSION_COOKIE = 'aegira_session';

/** What procedures may do with the session cookie; tests capture it without HTTP. */
export interface SessionCookieJar {
  set(token: string): void;
  clear(): void;
}

export function cookieOptions(secure: boolean): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
  };
}

export function expressCookieJar(res: Response, secure: boolean): SessionCookieJar {
  return {
    set: (token) =>
      res.cookie(SESSION_COOKIE, token, {
        ...cookieOptions(secure),
        maxAge: SESSION_TTL_SECONDS * 1000,
      }),
    clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions(secure)),
  };
}
