import { once } from 'node:events';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { answerDatabaseFailure } from '../errors/database-failure.ts';
import {
  auditFilterFields,
  rangeInOrder,
  rangeOutOfOrder,
} from '../modules/audit/audit-schemas.ts';
import type { ApiDeps } from '../services/actor.ts';
import { listAudit } from '../services/audit/audit-queries.ts';
import { zodFieldErrors } from '../trpc/format-error.ts';
import { adminOfSession, refuseDownload } from './admin-session.ts';
import { csvLine } from './csv-line.ts';

/** Where the audit log page's "Export CSV" link points (the page's filters as the query). */
export const AUDIT_LOG_CSV_PATH = '/api/audit-log.csv';

/** Rows read per query: each page is its own short read, so no export holds a transaction open. */
const PAGE_SIZE = 100;

/** The audit log page's filters, as query-string values. */
const exportFilters = z.strictObject(auditFilterFields).refine(rangeInOrder, rangeOutOfOrder);

const HEADER = [
  'Time (UTC)',
  'Action',
  'Entity type',
  'Entity id',
  'Actor',
  'Actor id',
  'Details',
  'Event id',
] as const;

/**
 * GET /api/audit-log.csv: the audit log with the page's filters as CSV, newest first,
 * streamed page by page (a log of millions of rows never sits in memory) with every
 * cell guarded against spreadsheet formula injection. Admins only, by browser session
 * (SameSite strict cookie; never an API token), like the audit bundle download.
 */
export function auditLogCsvRoute(deps: ApiDeps, options: { pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const routes = express.Router();
  routes.get(AUDIT_LOG_CSV_PATH, async (req: Request, res: Response) => {
    const filters = exportFilters.safeParse(req.query);
    if (!filters.success) {
      const fieldErrors = zodFieldErrors(filters.error);
      const summary = Object.entries(fieldErrors)
        .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
        .join('; ');
      refuseDownload(res, 400, `Invalid filter — ${summary}`, fieldErrors);
      return;
    }
    const actor = await adminOfSession(deps, req, res, AUDIT_LOG_CSV_PATH);
    if (!actor) return;
    const write = async (line: string) => {
      if (res.destroyed) throw new Error('The client went away');
      if (!res.write(line)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    };
    try {
      // The first page before any header: a failure then is still a clean 500.
      let page = await listAudit(deps.db, actor, { ...filters.data, limit: pageSize });
      const day = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="audit-log-${day}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      await write(csvLine(HEADER));
      while (true) {
        for (const item of page.items) {
          await write(
            csvLine([
              item.createdAt,
              item.action,
              item.entityType,
              item.entityId,
              item.actor?.name ?? '',
              item.actor?.id ?? '',
              JSON.stringify(item.details),
              item.eventId,
            ]),
          );
        }
        if (page.nextCursor === null) break;
        page = await listAudit(deps.db, actor, {
          ...filters.data,
          cursor: page.nextCursor,
          limit: pageSize,
        });
      }
      res.end();
    } catch (error) {
      deps.logger.error('audit log export failed', { error: String(error) });
      if (res.headersSent) res.destroy();
      else if (!answerDatabaseFailure(res, error)) {
        refuseDownload(res, 500, 'Something went wrong on our side. Please try again.');
      }
    }
  });
  return routes;
}
