import { once } from 'node:events';
import type { Role } from '@aegira/events';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { APP_ERROR_CODES, AppError } from '../errors/app-error.ts';
import { answerDatabaseFailure } from '../errors/database-failure.ts';
import { periodDays } from '../modules/analytics/analytics-schemas.ts';
import type { Actor, ApiDeps } from '../services/actor.ts';
import {
  type CsvSink,
  exportCompanyAnalytics,
  exportTeamAnalytics,
  exportWorkerHistory,
} from '../services/analytics/analytics-csv.ts';
import { zodFieldErrors } from '../trpc/format-error.ts';
import { actorOfContext, createRequestContext } from '../trpc/request-context.ts';
import { csvLine } from './csv-line.ts';
import { logRouteRefusal } from './security-log.ts';

// CSV exports of analytics (docs/decisions/026): plain GETs a link can point
// at, authenticated exactly like tRPC (session cookie or API token, through the
// same context) and scoped by the same services; written to the response batch
// by batch, so no export sits in memory whole.

export const EXPORT_PATHS = {
  teamAnalytics: '/api/export/team-analytics.csv',
  companyAnalytics: '/api/export/company-analytics.csv',
  workerHistory: '/api/export/worker-history.csv',
} as const;

const days = z.coerce.number().pipe(periodDays);
const teamQuery = z.strictObject({ teamId: z.uuid('must be a team id'), days });
const companyQuery = z.strictObject({ days });
const date = z.iso.date('must be a date YYYY-MM-DD');
const workerQuery = z
  .strictObject({ personId: z.uuid('must be a person id'), from: date, to: date })
  .refine((input) => input.from <= input.to, { path: ['to'], message: 'must not be before from' });

const HTTP_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 408,
} as const;

function refuse(
  res: Response,
  status: number,
  code: string,
  message: string,
  fieldErrors?: object,
) {
  res.status(status).json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
}

interface ExportRequest<T> {
  query: z.ZodType<T>;
  roles: readonly Role[];
  run: (actor: Actor, input: T, sink: CsvSink) => Promise<void>;
}

/** Validates, authenticates, then streams; errors before the first byte are clean JSON. */
function exportRoute<T>(deps: ApiDeps, spec: ExportRequest<T>) {
  return async (req: Request, res: Response) => {
    const parsed = spec.query.safeParse(req.query);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      const summary = Object.entries(fieldErrors)
        .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
        .join('; ');
      refuse(res, 400, 'VALIDATION_FAILED', `Invalid query — ${summary}`, fieldErrors);
      return;
    }
    const write = async (line: string) => {
      if (res.destroyed) throw new Error('The client went away');
      if (!res.write(line)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    };
    const sink: CsvSink = {
      start: (filename, header) => {
        res.status(200);
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
        res.setHeader('Cache-Control', 'no-store');
        return write(csvLine(header));
      },
      row: (cells) => write(csvLine(cells)),
    };
    try {
      const actor = await actorOfContext(createRequestContext(deps, req, res));
      if (actor.mustChangePassword) {
        throw new AppError(
          'PASSWORD_CHANGE_REQUIRED',
          'Choose a new password before you continue.',
        );
      }
      if (!spec.roles.includes(actor.role)) {
        logRouteRefusal(deps.logger, res.locals.requestId, actor, req.path);
        throw new AppError('FORBIDDEN', 'Your role does not allow this action.');
      }
      await spec.run(actor, parsed.data, sink);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        deps.logger.error('export failed while streaming', { error: String(error) });
        res.destroy();
      } else if (error instanceof AppError) {
        refuse(
          res,
          HTTP_STATUS[APP_ERROR_CODES[error.code]],
          error.code,
          error.message,
          error.fieldErrors,
        );
      } else if (!answerDatabaseFailure(res, error)) {
        deps.logger.error('export failed', { error: String(error) });
        refuse(res, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
      }
    }
  };
}

const READERS_OF_TEAMS: readonly Role[] = ['TEAM_LEAD', 'SUPERVISOR', 'ADMIN', 'WHS'];

export function analyticsExportRoutes(deps: ApiDeps) {
  const routes = express.Router();
  routes.get(
    EXPORT_PATHS.teamAnalytics,
    exportRoute(deps, {
      query: teamQuery,
      roles: READERS_OF_TEAMS,
      run: (actor, input, sink) => exportTeamAnalytics(deps, actor, input, sink),
    }),
  );
  routes.get(
    EXPORT_PATHS.companyAnalytics,
    exportRoute(deps, {
      query: companyQuery,
      roles: ['SUPERVISOR', 'ADMIN', 'WHS'],
      run: (actor, input, sink) => exportCompanyAnalytics(deps, actor, input, sink),
    }),
  );
  routes.get(
    EXPORT_PATHS.workerHistory,
    exportRoute(deps, {
      query: workerQuery,
      roles: ['WORKER', ...READERS_OF_TEAMS],
      run: (actor, input, sink) => exportWorkerHistory(deps, actor, input, sink),
    }),
  );
  return routes;
}
