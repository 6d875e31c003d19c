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
  /** Attempts one address may make per window. */
  perAddress: number;
  /** Failed attempts one account may take per window before it is paused. */
  failuresPerAccount: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimiterOptions = {
  perAddress: 30,
  failuresPerAccount: 5,
  windowSeconds: 15 * 60,
};

/**
 * Slows password guessing: per client address (every attempt counts) and per
 * account (failures count, a success clears them). With a store, the counts
 * live in PostgreSQL and every API instance on the database shares them
 * (docs/decisions/021-shared-rate-limits.md); without one (the seed script,
 * tests that never throttle) they are this process's memory.
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;

  constructor(options: LoginLimiterOptions = DEFAULT_LOGIN_LIMITS, store?: RateLimitStore) {
    const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
      const limits = { keyPrefix, points, duration: options.windowSeconds };
      if (!store) return new RateLimiterMemory(limits);
      // tableCreated: the table comes from a migration; the app role may not create tables.
      return new RateLimiterPostgres({
        ...limits,
        storeClient: store.pool,
        storeType: 'pool',
        tableName: store.tableName,
        tableCreated: true,
      });
    };
    this.byAddress = limiter('login-address', options.perAddress);
    this.byAccount = limiter('login-account', options.failuresPerAccount);
  }

  /** Counts an attempt from `address`; throws TOO_MANY_ATTEMPTS when either limit is reached. */
  async beforeAttempt(address: string, email: string): Promise<void> {
    const account = await this.byAccount.get(accountKey(email));
    if (account !== null && account.remainingPoints <= 0) throw tooMany(account);
    try {
      await this.byAddress.consume(hashed(address));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(error);
      throw error;
    }
  }

  async recordFailure(email: string): Promise<void> {
    try {
      await this.byAccount.consume(accountKey(email));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }
}

/**
 * Keys are hashes: the shared table then holds no email or address in clear,
 * and every key fits its column whatever the input's length. An email is
 * matched case-insensitively at login, so its case must not open a new count.
 */
function hashed(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function accountKey(email: string): string {
  return hashed(email.trim().toLowerCase());
}

function tooMany(result: RateLimiterRes): AppError {
  const minutes = Math.max(1, Math.ceil(result.msBeforeNext / 60_000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
