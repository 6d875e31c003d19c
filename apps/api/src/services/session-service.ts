import { findSessionPerson, type SessionPerson } from '@aegira/db';
import type { SessionCookieJar } from '../auth/session-cookie.ts';
import {
  SESSION_RENEW_AFTER_SECONDS,
  type SessionClaims,
  signSessionToken,
} from '../auth/session-token.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, ApiDeps } from './actor.ts';

/** Who a session belongs to, as the session check reads it. */
export type SessionUser = SessionPerson;

/**
 * Re-validates a session and slides it: a token older than the renewal age is
 * replaced by a fresh one. A revoked session clears the cookie and gives null.
 */
export async function resumeSession(
  deps: ApiDeps,
  session: SessionClaims,
  cookies: SessionCookieJar,
): Promise<SessionUser | null> {
  const user = await findSessionPerson(deps.db, session);
  if (!user) {
    cookies.clear();
    return null;
  }
  const ageSeconds = Math.floor(Date.now() / 1000) - session.issuedAt;
  if (ageSeconds >= SESSION_RENEW_AFTER_SECONDS) {
    cookies.set(signSessionToken(deps.jwtSecret, session));
  }
  return user;
}

/** The actor of a session request, re-checked against the database every time. */
export async function loadActor(
  deps: ApiDeps,
  session: SessionClaims,
  cookies: SessionCookieJar,
): Promise<Actor> {
  const user = await resumeSession(deps, session, cookies);
  if (!user) {
    throw new AppError('SESSION_EXPIRED', 'Your session has ended. Please log in again.');
  }
  return {
    personId: user.id,
    companyId: user.company.id,
    role: user.role,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    tokenId: null,
    readOnly: false,
    mustChangePassword: user.mustChangePassword,
    credential: { kind: 'session', personId: user.id, tokenVersion: session.tokenVersion },
  };
}
