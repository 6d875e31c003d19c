import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, createRateLimitStore } from '@aegira/db';
import { createApp } from './app.ts';
import { LoginLimiter, type LoginLimiterOptions } from './auth/login-limiter.ts';
import type { Readiness } from './http/health.ts';
import { createLogger, type LogFormat, type LogLevel } from './http/logger.ts';
import { type RunningLive, startLive } from './live/start-live.ts';
import type { ApiDeps } from './trpc/context.ts';

export const WEB_DIST_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

export interface StartServerOptions {
  /** Connection of the non-owner application role. */
  databaseUrl: string;
  port: number;
  host?: string;
  jwtSecret: string;
  secureCookies: boolean;
  allowedOrigins?: readonly string[];
  webDistDir?: string;
  logLevel?: LogLevel;
  logFormat?: LogFormat;
  /** Mutable: main.ts updates it as jobs start and stop; /ready reports it. */
  readiness?: Readiness;
  metricsToken?: string;
  trustProxy?: string;
  loginLimits?: LoginLimiterOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ApiDeps;
  /** Live updates of this instance (its LISTEN connection and streams). */
  live: RunningLive;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = createDb(options.databaseUrl);
  const logger = createLogger(options.logLevel ?? 'info', { format: options.logFormat ?? 'json' });
  const live = startLive({ db, databaseUrl: options.databaseUrl, logger });
  // Login throttles in PostgreSQL, shared with every other instance on the database.
  const rateLimits = createRateLimitStore(options.databaseUrl);
  const deps: ApiDeps = {
    db,
    jwtSecret: options.jwtSecret,
    secureCookies: options.secureCookies,
    loginLimiter: new LoginLimiter(options.loginLimits, rateLimits),
    logger,
    live,
  };

  const app = createApp({
    deps,
    allowedOrigins: options.allowedOrigins ?? [],
    hsts: options.secureCookies,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    });
  }).catch(async (error: unknown) => {
    await live.close();
    await rateLimits.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    deps,
    live,
    close: async () => {
      // Open streams would hold server.close() until they end: end them first.
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rateLimits.close();
      await db.$disconnect();
    },
  };
}
