import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { answerDatabaseFailure } from '../errors/database-failure.ts';
import type { ApiDeps } from '../services/actor.ts';
import { subjectAccessExport } from '../services/people/subject-access.ts';
import { adminOfSession, refuseDownload } from './admin-session.ts';

/** Where the person page's "Download personal data" button fetches from. */
export const SUBJECT_ACCESS_PATH = '/api/people/:id/subject-access';

export function subjectAccessPath(personId: string): string {
  return SUBJECT_ACCESS_PATH.replace(':id', encodeURIComponent(personId));
}

const personId = z.uuid('must be a person id');

/**
 * GET /api/people/:id/subject-access: everything held on one person of the admin's
 * company as one JSON file (docs/decisions/040-subject-access-export.md). Admins only,
 * by browser session like the audit downloads (never an API token): it carries a
 * person's health data whole. Unknown here (or another company's) is 404.
 */
export function subjectAccessRoute(deps: ApiDeps) {
  const routes = express.Router();
  routes.get(SUBJECT_ACCESS_PATH, async (req: Request<{ id: string }>, res: Response) => {
    const id = personId.safeParse(req.params.id);
    if (!id.success) {
      refuseDownload(res, 400, 'Invalid person — id: must be a person id', {
        id: ['must be a person id'],
      });
      return;
    }
    const actor = await adminOfSession(deps, req, res, SUBJECT_ACCESS_PATH);
    if (!actor) return;
    const now = deps.now?.() ?? new Date();
    try {
      const document = await subjectAccessExport(deps.db, actor, id.data, now);
      const day = now.toISOString().slice(0, 10);
      res.status(200);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="subject-access-${id.data}-${day}.json"`,
      );
      res.setHeader('Cache-Control', 'no-store');
      res.send(JSON.stringify(document, null, 2));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        refuseDownload(res, 404, error.message);
        return;
      }
      deps.logger.error('subject-access export failed', {
        requestId: res.locals.requestId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      if (!answerDatabaseFailure(res, error)) {
        refuseDownload(res, 500, 'Something went wrong on our side. Please try again.');
      }
    }
  });
  return routes;
}
