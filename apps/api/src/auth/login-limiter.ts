import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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
 * account (failures count, a success clears them). In-process memory: with
 * several API instances each keeps its own counts.
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterMemory;
  private readonly byAccount: RateLimiterMemory;

  constructor(options: LoginLimiterOptions = DEFAULT_LOGIN_LIMITS) {
    this.byAddress = new RateLimiterMemory({
      keyPrefix: 'login-address',
      points: options.perAddress,
      duration: options.windowSeconds,
    });
    this.byAccount = new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: options.failuresPerAccount,
      duration: options.windowSeconds,
    });
  }

  /** Counts an attempt from `address`; throws TOO_MANY_ATTEMPTS when either limit is reached. */
  async beforeAttempt(address: string, email: string): Promise<void> {
    const account = await this.byAccount.get(email);
    if (account !== null && account.remainingPoints <= 0) throw tooMany(account);
    try {
      await this.byAddress.consume(address);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(error);
      throw error;
    }
  }

  async recordFailure(email: string): Promise<void> {
    try {
      await this.byAccount.consume(email);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}

function tooMany(result: RateLimiterRes): AppError {
  const minutes = Math.max(1, Math.ceil(result.msBeforeNext / 60_000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
