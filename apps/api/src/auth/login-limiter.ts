import { createHash } from 'node:crypto';
import type { RateLimitStore } from '@aegira/db';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.ts';

export interface LoginLimiterOptions {
  /** Attempts (successful or not) one address may make per window. */
  perAddress: number;
  /** Failures one account may take from one address per window. */
  failuresPerAccountAddress: number;
  /** Failures one account may take from all addresses per window, unless the browser has its device cookie. */
  failuresPerAccount: number;
  windowSeconds: number;
  /** Sign-ups one address may make per sign-up window. */
  signUpsPerAddress: number;
  signUpWindowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimiterOptions = {
  perAddress: 30,
  failuresPerAccountAddress: 5,
  failuresPerAccount: 20,
  windowSeconds: 15 * 60,
  signUpsPerAddress: 10,
  signUpWindowSeconds: 60 * 60,
};

/** Which limit refused an attempt: the security log records it. */
export type LoginLimit = 'address' | 'account-address' | 'account' | 'sign-up-address';

/** A refused attempt: TOO_MANY_ATTEMPTS (429) naming the limit, for the log only. */
export class ThrottledError extends AppError {
  constructor(
    readonly limit: LoginLimit,
    message: string,
  ) {
    super('TOO_MANY_ATTEMPTS', message);
  }
}

/** Who is attempting: the account is an opaque identity (e.g. company slug and email). */
export interface LoginAttempt {
  address: string;
  account: string;
  /** The browser presented a valid device cookie for this account: the per-account cap does not apply. */
  trustedDevice: boolean;
}

/**
 * Slows password guessing without letting an attacker lock the owner out
 * (docs/decisions/032-login-throttling.md): every attempt counts per address;
 * failures count per (account, address) and per account, the latter waived for
 * a browser holding the account's device cookie. All of it is decided before
 * any password is hashed. With a store, the counts live in PostgreSQL and every
 * API instance shares them (021-shared-rate-limits.md); without one (the seed
 * script, tests that never throttle) they are this process's memory.
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccountAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;
  private readonly signUpsByAddress: RateLimiterAbstract;

  constructor(options: Partial<LoginLimiterOptions> = {}, store?: RateLimitStore) {
    const limits = { ...DEFAULT_LOGIN_LIMITS, ...options };
    const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const settings = { keyPrefix, points, duration };
      if (!store) return new RateLimiterMemory(settings);
      // tableCreated: the table comes from a migration; the app role may not create tables.
      return new RateLimiterPostgres({
        ...settings,
        storeClient: store.pool,
        storeType: 'pool',
        tableName: store.tableName,
        tableCreated: true,
      });
    };
    const window = limits.windowSeconds;
    this.byAddress = limiter('login-address', limits.perAddress, window);
    this.byAccountAddress = limiter(
      'login-account-address',
      limits.failuresPerAccountAddress,
      window,
    );
    this.byAccount = limiter('login-account', limits.failuresPerAccount, window);
    this.signUpsByAddress = limiter(
      'signup-address',
      limits.signUpsPerAddress,
      limits.signUpWindowSeconds,
    );
  }

  /**
   * Counts an attempt; throws ThrottledError when any limit is reached. The
   * failure counts are read first, so an account already over its cap does not
   * spend the address's attempts either.
   */
  async beforeAttempt(attempt: LoginAttempt): Promise<void> {
    const [pair, account] = await Promise.all([
      this.byAccountAddress.get(pairKey(attempt)),
      attempt.trustedDevice ? null : this.byAccount.get(hashed(attempt.account)),
    ]);
    if (pair !== null && pair.remainingPoints <= 0) throw tooMany('account-address', pair);
    if (account !== null && account.remainingPoints <= 0) throw tooMany('account', account);
    await consumeOrThrow(this.byAddress, hashed(attempt.address), 'address');
  }

  async recordFailure(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      consumeQuietly(this.byAccountAddress, pairKey(attempt)),
      consumeQuietly(this.byAccount, hashed(attempt.account)),
    ]);
  }

  /** A success clears this address's failures for the account (not other addresses'). */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.byAccountAddress.delete(pairKey(attempt));
  }

  /** Counts a sign-up from `address`; throws ThrottledError past the hourly limit. */
  async beforeSignUp(address: string): Promise<void> {
    await consumeOrThrow(this.signUpsByAddress, hashed(address), 'sign-up-address');
  }
}

/**
 * Keys are hashes: the shared table then holds no email or address in clear,
 * and every key fits its column whatever the input's length.
 */
function hashed(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function pairKey(attempt: LoginAttempt): string {
  return hashed(`${attempt.account}\n${attempt.address}`);
}

async function consumeOrThrow(
  limiter: RateLimiterAbstract,
  key: string,
  limit: LoginLimit,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(limit, error);
    throw error;
  }
}

async function consumeQuietly(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

function tooMany(limit: LoginLimit, result: RateLimiterRes): ThrottledError {
  const minutes = Math.max(1, Math.ceil(result.msBeforeNext / 60_000));
  const wait = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (limit === 'sign-up-address') {
    return new ThrottledError(limit, `Too many sign-ups from this address. Try again in ${wait}.`);
  }
  return new ThrottledError(limit, `Too many login attempts. Try again in ${wait}.`);
}
