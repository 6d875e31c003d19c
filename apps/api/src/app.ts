import { existsSync } from 'node:fs';
import path from 'node:path';
import { onEventsCommitted } from '@aegira/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cookieParser from 'cookie-parser';
import express, { type Request, type Response } from 'express';
import { analyticsExportRoutes } from './http/analytics-export.ts';
import { auditLogCsvRoute } from './http/audit-log-csv.ts';
import { csrfGuard } from './http/csrf.ts';
import { healthRoutes, type Readiness } from './http/health.ts';
import { bindDatabaseGauges, metricsEndpoint, recordEventsAppended } from './http/metrics.ts';
import { restApi } from './http/openapi/rest-api.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { auditBundleRoute } from './modules/audit-chain/bundle-route.ts';
import type { ApiDeps } from './trpc/context.ts';
import { createRequestContext } from './trpc/request-context.ts';
import { appRouter } from './trpc/router.ts';

export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_BATCH_SIZE = 10;

export interface AppOptions {
  deps: ApiDeps;
  allowedOrigins: readonly string[];
  /** The built web app to serve on the same port; omitted in API-only tests and in dev. */
  webDistDir?: string;
  /** What /ready reports besides the database; default: migrations applied, no jobs. */
  readiness?: Readiness;
  /** Bearer token for GET /metrics; without it /metrics does not exist. */
  metricsToken?: string;
  /** Send Strict-Transport-Security (only when the public URL is https). */
  hsts?: boolean;
  /** Express "trust proxy" value (e.g. `uniquelocal`): which proxies' X-Forwarded-For to believe. */
  trustProxy?: string;
}

function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : 'unknown';
}

export function createApp(options: AppOptions) {
  const { deps } = options;
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy (AEGIRA_TRUST_PROXY, docs/deployment.md) the client's address and
  // scheme come from its X-Forwarded-* headers; otherwise from the socket, and such headers are ignored.
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(
    requestLog(deps.logger),
    securityHeaders({ hsts: options.hsts ?? false }),
    cookieParser(),
  );

  app.use(
    healthRoutes(deps.db, options.readiness ?? { migrations: 'applied', jobs: 'off' }, deps.logger),
  );
  // Process-wide, like prom-client's registry: the last app created in a process reports.
  onEventsCommitted(recordEventsAppended);
  bindDatabaseGauges(deps.db);
  app.get('/metrics', metricsEndpoint(options.metricsToken));
  app.use(auditBundleRoute(deps));
  app.use(auditLogCsvRoute(deps));
  app.use(analyticsExportRoutes(deps));
  app.use(restApi(deps));

  app.use(
    '/trpc',
    csrfGuard(options.allowedOrigins),
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }: { req: Request; res: Response }) =>
        createRequestContext(deps, req, res),
      onError: ({ error, path: procedurePath, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.logger.error('procedure failed', {
            requestId: ctx?.requestId,
            path: procedurePath,
            error: error.cause?.stack ?? error.stack ?? String(error),
          });
        }
      },
    }),
  );

  const webDist = options.webDistDir;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    // Source maps stay private even when a build writes them: not the file, not the app shell.
    app.get(/\.map$/, (_req, res) => {
      res.status(404).end();
    });
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^\/(?!trpc\/|api\/|health$|ready$|metrics$).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'), { maxAge: 0 });
    });
  }

  // Never Express's HTML error page with a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    deps.logger.error('request failed', { requestId: requestIdOf(res), error: String(error) });
    res
      .status(500)
      .json({ error: { message: `Something went wrong (request id ${requestIdOf(res)}).` } });
  });
  return app;
}
