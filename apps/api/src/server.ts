import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@aegira/db';
import { createApp } from './app.ts';
import { LoginLimiter, type LoginLimiterOptions } from './auth/login-limiter.ts';
import { createLogger, type LogLevel } from './http/logger.ts';
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
  loginLimits?: LoginLimiterOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ApiDeps;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = createDb(options.databaseUrl);
  const deps: ApiDeps = {
    db,
    jwtSecret: options.jwtSecret,
    secureCookies: options.secureCookies,
    loginLimiter: new LoginLimiter(options.loginLimits),
    logger: createLogger(options.logLevel ?? 'info'),
  };
  const app = createApp({
    deps,
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
    },
  };
}
