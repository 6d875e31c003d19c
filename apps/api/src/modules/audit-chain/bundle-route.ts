import { once } from 'node:events';
import express, { type Request, type Response } from 'express';
import { expressCookieJar, SESSION_COOKIE } from '../../auth/session-cookie.ts';
import { verifySessionToken } from '../../auth/session-token.ts';
import { AppError } from '../../errors/app-error.ts';
import { logRouteRefusal } from '../../http/security-log.ts';
import type { ApiDeps } from '../../services/actor.ts';
import { prepareBundleDownload } from '../../services/audit-chain/bundle-download.ts';
import { loadActor } from '../../services/session-service.ts';

/** Where the web app's "Download bundle" link points. */
export const AUDIT_BUNDLE_PATH = '/api/audit-chain/bundle';

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { message } });
}

/**
 * GET /api/audit-chain/bundle: the company's audit bundle as a file download, streamed line
 * by line (a log of millions of events never sits in memory). A plain route, not a procedure,
 * so the browser saves it as it arrives. Only an admin's browser session may: the session
 * cookie (SameSite strict, so no other site can make the browser send it), never an API token.
 */
export function auditBundleRoute(deps: ApiDeps) {
  const routes = express.Router();
  routes.get(AUDIT_BUNDLE_PATH, async (req: Request, res: Response) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' ? verifySessionToken(deps.jwtSecret, token) : null;
    if (!session || req.get('authorization')) {
      refuse(res, 401, 'Please log in to continue.');
      return;
    }
    let download: Awaited<ReturnType<typeof prepareBundleDownload>>;
    try {
      const actor = await loadActor(deps, session, expressCookieJar(res));
      if (actor.mustChangePassword) {
        refuse(res, 403, 'Choose a new password before you continue.');
        return;
      }
      if (actor.role !== 'ADMIN') {
        logRouteRefusal(deps.logger, res.locals.requestId, actor, AUDIT_BUNDLE_PATH);
        refuse(res, 403, 'Your role does not allow this action.');
        return;
      }
      download = await prepareBundleDownload(deps.db, actor, deps.now?.() ?? new Date());
    } catch (error) {
      if (error instanceof AppError) {
        refuse(res, error.code === 'AUDIT_KEY_MISSING' ? 422 : 401, error.message);
        return;
      }
      throw error;
    }
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await download.write(async (line) => {
        if (res.destroyed) throw new Error('The client went away');
        if (!res.write(`${JSON.stringify(line)}\n`)) {
          await Promise.race([once(res, 'drain'), once(res, 'close')]);
        }
      });
      res.end();
    } catch (error) {
      // Headers are gone: cut the download short, so the file lacks its end line and the
      // verifier reports it as incomplete rather than intact.
      deps.logger.error('audit bundle download failed', { error: String(error) });
      res.destroy();
    }
  });
  return routes;
}
