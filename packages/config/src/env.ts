import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, so project-local folders do not depend on the cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Owner connection. Unset: an embedded PostgreSQL is started under AEGIRA_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PostgreSQL keeps its data (and the dev JWT secret). */
  AEGIRA_DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  /** Password of the non-owner role the application connects as. */
  AEGIRA_APP_DB_PASSWORD: z.string().min(8).default('aegira-app-local-password'),
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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
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
