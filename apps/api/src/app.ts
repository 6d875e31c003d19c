import { existsSync } from 'node:fs';
import path from 'node:path';
import { onEventsCommitted } from '@aegira/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cookieParser from 'cookie-parser';
import express, { type Request, type Response } from 'express';
import { AppError } from './errors/app-error.ts';
import {
  answerDatabaseFailure,
  isRetryableDatabaseError,
  RETRY_AFTER_SECONDS,
} from './errors/database-failure.ts';
import { analyticsExportRoutes } from './http/analytics-export.ts';
import { auditLogCsvRoute } from './http/audit-log-csv.ts';
import { csrfGuard } from './http/csrf.ts';
import { failureDetail } from './http/failure-detail.ts';
import { healthRoutes, type Readiness } from './http/health.ts';
import { bindDatabaseGauges, metricsEndpoint, recordEventsAppended } from './http/metrics.ts';
import { restApi } from './http/openapi/rest-api.ts';
import { queryGuard } from './http/query-guard.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { strictJsonBody } from './http/strict-json-body.ts';
import { subjectAccessRoute } from './http/subject-access-route.ts';
import { refuseTrpcBody } from './http/trpc-body-refusal.ts';
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
  // What no query may carry (NUL, lone surrogates, prototype keys), before the routes' schemas.
  app.use('/api', queryGuard());
  app.use(auditBundleRoute(deps));
  app.use(auditLogCsvRoute(deps));
  app.use(analyticsExportRoutes(deps));
  app.use(subjectAccessRoute(deps));
  app.use(restApi(deps));

  app.use(
    '/trpc',
    csrfGuard(options.allowedOrigins, deps),
    // JSON in strict UTF-8 only (415 for forms and text/plain, 413 over the limit).
    strictJsonBody(MAX_BODY_BYTES, refuseTrpcBody),
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }: { req: Request; res: Response }) =>
        createRequestContext(deps, req, res),
      // A transient database failure asks the client to retry shortly (decision 034).
      responseMeta: ({ errors }) =>
        errors.some((error) => isRetryableDatabaseError(error.cause))
          ? { headers: new Headers({ 'Retry-After': String(RETRY_AFTER_SECONDS) }) }
          : {},
      onError: ({ error, path: procedurePath, ctx }) => {
        if (isRetryableDatabaseError(error.cause)) {
          deps.logger.warn('database busy or unavailable', {
            requestId: ctx?.requestId,
            path: procedurePath,
            error: String(error.cause instanceof Error ? error.cause.cause : error.cause),
          });
        }
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.logger.error('procedure failed', {
            requestId: ctx?.requestId,
            path: procedurePath,
            error: error.cause?.stack ?? error.stack ?? String(error),
            detail: failureDetail(error.cause),
          });
        }
        // A refusal mapped from a database error (e.g. a foreign key as NOT_FOUND) keeps the
        // original as its cause: the client sees the refusal, the log the database's words.
        const hidden = error.cause instanceof AppError ? error.cause.cause : undefined;
        if (hidden instanceof Error) {
          deps.logger.warn('procedure refused after a database error', {
            requestId: ctx?.requestId,
            path: procedurePath,
            error: hidden.stack ?? String(hidden),
            detail: failureDetail(hidden),
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
    if (answerDatabaseFailure(res, error)) return;
    res
      .status(500)
      .json({ error: { message: `Something went wrong (request id ${requestIdOf(res)}).` } });
  });
  return app;
}
