import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CreateDbOptions, createDb, createRateLimitStore } from '@aegira/db';
import { createApp } from './app.ts';
import { LoginLimiter, type LoginLimiterOptions } from './auth/login-limiter.ts';
import { createClosableServer } from './http/closable-server.ts';
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
  loginLimits?: Partial<LoginLimiterOptions>;
  /** Pool size, timeouts and waits of the application's database client (tests shorten them). */
  database?: CreateDbOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ApiDeps;
  /** Live updates of this instance (its LISTEN connection and streams). */
  live: RunningLive;
  /**
   * Stop serving: stop listening, close idle sockets, end live streams, refuse requests that
   * arrive meanwhile, wait for the in-flight ones (cut at 7 s). The pools stay open (jobs may
   * still be finishing). Idempotent.
   */
  drain(): Promise<void>;
  /** drain(), then close the database pools. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = createDb(options.databaseUrl, options.database);
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
  const readiness = options.readiness;
  const http = createClosableServer(app, {
    // Until the database is migrated (it may be down at start, FT-10) only the health
    // routes answer; everything else would fail on missing tables or connections.
    refuse: (req) => readiness?.migrations === 'pending' && !isHealthPath(req.url),
  });
  const server = http.server;
  await http.listen(options.port, host).catch(async (error: unknown) => {
    await live.close();
    await rateLimits.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  let draining: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  const running: RunningServer = {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    deps,
    live,
    drain: () => {
      draining ??= (async () => {
        // Listener and idle sockets first, so nothing new starts; then the open streams,
        // which would otherwise hold their sockets until the cut.
        const drained = http.close();
        await live.close();
        await drained;
      })();
      return draining;
    },
    close: () => {
      closing ??= (async () => {
        await running.drain();
        await rateLimits.close();
        await db.$disconnect();
      })();
      return closing;
    },
  };
  return running;
}

function isHealthPath(url: string | undefined): boolean {
  const pathname = (url ?? '').split('?')[0];
  return pathname === '/health' || pathname === '/ready';
}
