import { type CreateDbOptions, createDb, createRateLimitStore, type Db } from '@aegira/db';
import { TRPCError } from '@trpc/server';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createFreshDatabase } from '../../../packages/db/test-support/fresh-database.ts';
import { parseBearerToken } from '../src/auth/api-token.ts';
import { LoginLimiter, type LoginLimiterOptions } from '../src/auth/login-limiter.ts';
import type { SessionCookieJar } from '../src/auth/session-cookie.ts';
import { verifySessionToken } from '../src/auth/session-token.ts';
import { createLogger, type Logger } from '../src/http/logger.ts';
import { type ApiDeps, createContextInner } from '../src/trpc/context.ts';
import { describeError } from '../src/trpc/format-error.ts';
import { createCallerFactory } from '../src/trpc/init.ts';
import { appRouter } from '../src/trpc/router.ts';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
const createCaller = createCallerFactory(appRouter);

/** A stand-in for a browser: holds the session cookie the API sets and sends it back. */
export class TestClient {
  token: string | null = null;
  /** The device cookie a successful login issued (it exempts this "browser" from the per-account cap). */
  deviceCookie: string | null = null;
  /** An API token sent as `Authorization: Bearer …`; the cookie is then ignored, as over HTTP. */
  bearer: string | null = null;
  /** Sent as the Idempotency-Key header of the next requests (decision 035); null: none. */
  idempotencyKey: string | null = null;
  private counter = 0;

  constructor(
    private readonly deps: ApiDeps,
    private readonly address = '203.0.113.1',
  ) {}

  readonly jar: SessionCookieJar = {
    set: (token) => {
      this.token = token;
    },
    clear: () => {
      this.token = null;
    },
    setDevice: (value) => {
      this.deviceCookie = value;
    },
  };

  /** A caller for one request, as the Express wrapper would build it. */
  get api() {
    this.counter += 1;
    return createCaller(
      createContextInner({
        deps: this.deps,
        apiToken: this.bearer ? parseBearerToken(`Bearer ${this.bearer}`) : null,
        session:
          !this.bearer && this.token ? verifySessionToken(this.deps.jwtSecret, this.token) : null,
        cookies: this.jar,
        requestId: `test-${this.counter}`,
        clientIp: this.address,
        deviceCookie: this.deviceCookie,
        idempotencyKey: this.idempotencyKey,
      }),
    );
  }
}

export interface TestApi {
  deps: ApiDeps;
  db: Db;
  /** Owner connection string, for assertions that must see past row-level security. */
  ownerUrl: string;
  appUrl: string;
  client(address?: string): TestClient;
  /** Signs up a new company and returns its admin's client. */
  signUpCompany(overrides?: { email?: string; companyName?: string; timezone?: string }): Promise<{
    client: TestClient;
    user: Awaited<ReturnType<TestClient['api']['auth']['signUp']>>['user'];
    password: string;
  }>;
  close(): Promise<void>;
}

let companyCounter = 0;

/** A fresh database (cloned from the migrated template) and the API's dependencies over it. */
export async function createTestApi(
  options: {
    loginLimits?: Partial<LoginLimiterOptions>;
    database?: CreateDbOptions;
    /** Where the API logs (capture-logs.ts); silent by default. */
    logger?: Logger;
  } = {},
): Promise<TestApi> {
  const database = await createFreshDatabase();
  const db = createDb(database.appUrl, options.database);
  // The limiter's counts in PostgreSQL, as the server keeps them.
  const rateLimits = createRateLimitStore(database.appUrl, { maxConnections: 2 });
  const deps: ApiDeps = {
    db,
    jwtSecret: TEST_JWT_SECRET,
    secureCookies: false,
    // Fixtures log many people in from one address; a test of a limit passes that limit.
    loginLimiter: new LoginLimiter(
      {
        perAddress: 100_000,
        failuresPerAccountAddress: 100,
        failuresPerAccount: 100,
        windowSeconds: 60,
        signUpsPerAddress: 100_000,
        ...options.loginLimits,
      },
      rateLimits,
    ),
    logger: options.logger ?? createLogger('silent'),
  };
  const api: TestApi = {
    deps,
    db,
    ownerUrl: database.ownerUrl,
    appUrl: database.appUrl,
    client: (address) => new TestClient(deps, address),
    signUpCompany: async (overrides = {}) => {
      companyCounter += 1;
      const unique = `${Date.now().toString(36)}${companyCounter}`;
      const password = 'correct horse battery staple';
      const client = new TestClient(deps);
      const { user } = await client.api.auth.signUp({
        company: {
          name: overrides.companyName ?? `Company ${unique}`,
          timezone: overrides.timezone ?? 'Europe/Berlin',
        },
        admin: {
          firstName: 'Ada',
          lastName: 'Admin',
          email: overrides.email ?? `admin-${unique}@example.test`,
          password,
        },
      });
      return { client, user, password };
    },
    close: async () => {
      await rateLimits.close();
      await db.$disconnect();
      await database.drop();
    },
  };
  return api;
}

export interface ClientVisibleError {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]> | undefined;
  reason: string | undefined;
  appCode?: string | undefined;
  /** A stale expectedVersion's CONFLICT carries the entity as it is now. */
  current?: unknown;
}

/**
 * The error a client would receive over HTTP for a failed call: the error
 * formatter runs only on the wire, so callers in tests apply the same function.
 */
export async function failureOf(call: Promise<unknown>): Promise<ClientVisibleError> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const details = describeError(error, 'test');
    return {
      code: error.code,
      message: details.message,
      fieldErrors: details.fieldErrors,
      reason: details.reason,
      appCode: details.appCode,
      current: details.current,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface TestApiWithOwner {
  api: TestApi;
  /** An owner connection, for assertions that must see past row-level security. */
  owner: pg.Client;
}

/**
 * The usual file set-up: a fresh database and API before the file's tests, an
 * owner connection beside it, both closed afterwards.
 */
export function useTestApi(
  ready: (handles: TestApiWithOwner) => void,
  options: Parameters<typeof createTestApi>[0] = {},
): void {
  let handles: TestApiWithOwner | undefined;
  beforeAll(async () => {
    const api = await createTestApi(options);
    const owner = new pg.Client({ connectionString: api.ownerUrl });
    // Dropping the database at the end terminates the backend (57P01): not a failure.
    owner.on('error', () => undefined);
    await owner.connect();
    handles = { api, owner };
    ready(handles);
  });
  afterAll(async () => {
    await handles?.owner.end();
    await handles?.api.close();
  });
}
