import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, so project-local folders do not depend on the cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The app role's password outside production: published in the README, so refused in production. */
export const DEVELOPMENT_APP_DB_PASSWORD = 'aegira-app-local-password';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Owner connection. Unset: an embedded PostgreSQL is started under AEGIRA_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PostgreSQL keeps its data (and the dev JWT secret). */
  AEGIRA_DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  /** Password of the non-owner role the application connects as. */
  AEGIRA_APP_DB_PASSWORD: z.string().min(8).default(DEVELOPMENT_APP_DB_PASSWORD),
  /** HMAC secret for session JWTs; required in production, generated and kept in the data dir otherwise. */
  JWT_SECRET: z.string().min(32).optional(),
  /** Origins allowed to send mutations (comma separated); the server's own origin is always allowed. */
  AEGIRA_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    ),
  /**
   * The Ed25519 key (PKCS#8 PEM) that signs audit checkpoints, or a path to one; outside
   * production a key is generated once into AEGIRA_DATA_DIR. Never stored in the database.
   */
  AEGIRA_AUDIT_KEY: z.string().min(1).optional(),
  AEGIRA_AUDIT_KEY_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** `json` (one line per entry, for log shippers) or `pretty` (pino-pretty, `pnpm dev`). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Address the HTTP server binds: loopback by default; `0.0.0.0` in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Bearer token that GET /metrics requires; unset (or empty), /metrics does not exist. */
  AEGIRA_METRICS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  /** Seed the demo company (known passwords) on first start: on by default, off in production. */
  AEGIRA_DEMO: z.enum(['on', 'off']).optional(),
  /** Express "trust proxy" (e.g. `uniquelocal`): set behind a reverse proxy; unset, X-Forwarded-* are ignored. */
  AEGIRA_TRUST_PROXY: z.string().min(1).optional(),
  /** Scheduled jobs (missed check-ins, due transfers) in this process: `off` for tests that run their own. */
  AEGIRA_JOBS: z.enum(['on', 'off']).default('on'),
  /**
   * How long a job run may stay active before the queue presumes its instance died and retries
   * it elsewhere. Tests shorten it to see a killed instance's job finished by another one.
   */
  AEGIRA_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  /** Tests only: the instant scheduled jobs take as "now" (refused in production). */
  AEGIRA_JOB_NOW: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time such as 2026-11-26T12:00:00Z' })
    .transform((value) => new Date(value))
    .optional(),
  /**
   * Write transactions one company may run at once in this instance (decision 041); the
   * others wait without a connection, so one busy company leaves room for the rest.
   */
  AEGIRA_COMPANY_WRITE_SLOTS: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .optional(),
  /** Load tests only: caps each load phase at this many seconds, for a quick look. */
  AEGIRA_LOAD_SECONDS: z.coerce
    .number()
    .positive('must be a positive number of seconds')
    .optional(),
  /** Load test LD-5 only: company A's write rate while B's reads are measured (writes/s). */
  AEGIRA_LD5_FLOOD_RATE: z.coerce
    .number()
    .int()
    .positive('must be a positive whole number')
    .default(50),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parse an environment (process.env by default); this module is the only reader of process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new EnvError(`Invalid environment:\n${problems}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new EnvError('Invalid environment:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  if (env.NODE_ENV === 'production' && env.AEGIRA_APP_DB_PASSWORD === DEVELOPMENT_APP_DB_PASSWORD) {
    throw new EnvError(
      'Invalid environment:\n  AEGIRA_APP_DB_PASSWORD: the development password is not allowed when NODE_ENV=production; set a secret one',
    );
  }
  if (env.NODE_ENV === 'production' && env.AEGIRA_JOB_NOW) {
    throw new EnvError(
      'Invalid environment:\n  AEGIRA_JOB_NOW: a test clock, not allowed when NODE_ENV=production',
    );
  }
  return env;
}

let cached: Env | undefined;
/** The process environment, parsed once. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** True under NODE_ENV=production: test-only seams (fault injection) refuse to run there. */
export function runsInProduction(): boolean {
  return env().NODE_ENV === 'production';
}

/**
 * The environment for a child process: this process's own, under `defaults`
 * (used only where a variable is unset) and over `set`. Here so that this
 * module stays the only reader of process.env.
 */
export function childProcessEnv(
  options: { defaults?: Record<string, string>; set?: Record<string, string> } = {},
): NodeJS.ProcessEnv {
  return { ...options.defaults, ...process.env, ...options.set };
}

/**
 * The folder a `pnpm <script>` was typed in (pnpm runs a package's script in the package's
 * folder and passes the original one as INIT_CWD), so command-line paths mean what the user
 * meant.
 */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
