import type { Request, Response } from 'express';
import { expressCookieJar, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { verifySessionToken } from '../auth/session-token.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, ApiDeps } from '../services/actor.ts';
import { loadActor } from '../services/session-service.ts';
import { logRouteRefusal } from './security-log.ts';

/** A plain route's refusal: `{ error: { message } }`, as the downloads answer. */
export function refuseDownload(
  res: Response,
  status: number,
  message: string,
  fieldErrors?: object,
): void {
  res.status(status).json({ error: { message, ...(fieldErrors ? { fieldErrors } : {}) } });
}

/**
 * The admin behind the request's browser session, or null once a refusal is sent: 401
 * without a valid session (or with an Authorization header: these downloads never take an
 * API token), 403 for a password still to change, and 403 for any other role, which the
 * security log records with the route. The session cookie is SameSite strict, so no other
 * site can make a browser send it.
 */
export async function adminOfSession(
  deps: ApiDeps,
  req: Request,
  res: Response,
  route: string,
): Promise<Actor | null> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  const session = typeof token === 'string' ? verifySessionToken(deps.jwtSecret, token) : null;
  if (!session || req.get('authorization')) {
    refuseDownload(res, 401, 'Please log in to continue.');
    return null;
  }
  let actor: Actor;
  try {
    actor = await loadActor(deps, session, expressCookieJar(res));
  } catch (error) {
    if (error instanceof AppError) {
      refuseDownload(res, 401, error.message);
      return null;
    }
    throw error;
  }
  if (actor.mustChangePassword) {
    refuseDownload(res, 403, 'Choose a new password before you continue.');
    return null;
  }
  if (actor.role !== 'ADMIN') {
    logRouteRefusal(deps.logger, res.locals.requestId, actor, route);
    refuseDownload(res, 403, 'Your role does not allow this action.');
    return null;
  }
  return actor;
}
