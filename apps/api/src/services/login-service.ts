import { findLogin, type LoginRecord, recordLoginFailure, upgradePasswordHash } from '@aegira/db';
import { isDeviceCookieFor, issueDeviceCookie } from '../auth/device-cookie.ts';
import { type LoginAttempt, ThrottledError } from '../auth/login-limiter.ts';
import {
  dummyPasswordHash,
  hashPassword,
  passwordNeedsRehash,
  verifyPassword,
} from '../auth/password.ts';
import { AppError } from '../errors/app-error.ts';
import { logSecurityEvent } from '../http/security-log.ts';
import type { ApiDeps } from './actor.ts';
import { type SignedIn, startSession } from './auth-service.ts';

export interface LoginRequest {
  /** The company's slug, from its sign-in link `/c/<slug>` or the login form. */
  company: string;
  email: string;
  password: string;
}

/** Where a login comes from: the address it is throttled by, the browser's device cookie. */
export interface RequestOrigin {
  clientIp: string;
  requestId: string;
  deviceCookie: string | null;
}

// One answer for an unknown company, an unknown email, a wrong password and an
// inactive account or company (resilience case AU-6).
const INVALID_CREDENTIALS = 'Company, email or password is incorrect.';

/**
 * Company + email + password. Every throttle is checked before any hash is
 * verified (AU-7, LD-4); then every failure kind does the same work (a hash is
 * always verified, against a dummy when there is no account) and gets the same
 * answer. A success clears this address's failures for the account, issues the
 * device cookie that exempts this browser from the per-account cap, and
 * upgrades a hash made with weaker parameters (AU-8).
 */
export async function login(
  deps: ApiDeps,
  request: LoginRequest,
  origin: RequestOrigin,
): Promise<SignedIn & { deviceCookie: string }> {
  const account = `login:${request.company}\n${request.email}`;
  const attempt: LoginAttempt = {
    address: origin.clientIp,
    account,
    trustedDevice: isDeviceCookieFor(deps.jwtSecret, account, origin.deviceCookie),
  };
  try {
    await deps.loginLimiter.beforeAttempt(attempt);
  } catch (error) {
    if (error instanceof ThrottledError) {
      logSecurityEvent(deps.logger, 'login_throttled', {
        requestId: origin.requestId,
        clientIp: origin.clientIp,
        company: request.company,
        limit: error.limit,
      });
    }
    throw error;
  }
  const record = await findLogin(deps.db, { companySlug: request.company, email: request.email });
  const passwordOk = await verifyPassword(
    record?.passwordHash ?? (await dummyPasswordHash()),
    request.password,
  );
  if (!record || !passwordOk || !record.personActive || !record.companyActive) {
    await deps.loginLimiter.recordFailure(attempt);
    noteFailure(deps, origin, record, passwordOk);
    throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
  }
  await deps.loginLimiter.recordSuccess(attempt);
  await rehashIfWeak(deps, record, request.password);
  const signedIn = await startSession(deps, {
    personId: record.personId,
    companyId: record.companyId,
    tokenVersion: record.tokenVersion,
  });
  return { ...signedIn, deviceCookie: issueDeviceCookie(deps.jwtSecret, account) };
}

/**
 * The security log line, and for a known account the row admins count
 * (people.failedLogins). The row is written without waiting, so a known
 * account's failure takes no longer to answer than an unknown one's.
 */
function noteFailure(
  deps: ApiDeps,
  origin: RequestOrigin,
  record: LoginRecord | null,
  passwordOk: boolean,
): void {
  logSecurityEvent(deps.logger, 'login_failed', {
    requestId: origin.requestId,
    clientIp: origin.clientIp,
    ...(record ? { companyId: record.companyId, actorId: record.personId } : {}),
    reason: !record ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive',
  });
  if (!record) return;
  recordLoginFailure(deps.db, record).catch((error: unknown) => {
    deps.logger.warn('could not record a failed login', {
      requestId: origin.requestId,
      error: String(error),
    });
  });
}

/** A credential store update, not a state change: no event, no session revoked. */
async function rehashIfWeak(deps: ApiDeps, record: LoginRecord, password: string): Promise<void> {
  if (!passwordNeedsRehash(record.passwordHash)) return;
  try {
    await upgradePasswordHash(deps.db, {
      companyId: record.companyId,
      personId: record.personId,
      previousHash: record.passwordHash,
      passwordHash: await hashPassword(password),
    });
  } catch (error) {
    // The login itself succeeded; the next one tries again.
    deps.logger.warn('could not upgrade a password hash', { error: String(error) });
  }
}
