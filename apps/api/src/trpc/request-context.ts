import type { Request, Response } from 'express';
import { parseBearerToken } from '../auth/api-token.ts';
import { DEVICE_COOKIE } from '../auth/device-cookie.ts';
import { expressCookieJar, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { verifySessionToken } from '../auth/session-token.ts';
import { AppError } from '../errors/app-error.ts';
import { loadTokenActor } from '../services/api-tokens/token-actor.ts';
import { loadActor } from '../services/session-service.ts';
import { type Actor, type ApiDeps, type Context, createContextInner } from './context.ts';

function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : 'unknown';
}

/**
 * The context of an HTTP request: tRPC's and the plain GET routes' (CSV
 * exports) alike, so both authenticate the same way. An API token in the
 * Authorization header wins, and the cookie is then ignored, so token requests
 * never ride on a browser session.
 */
export function createRequestContext(deps: ApiDeps, req: Request, res: Response): Context {
  const apiToken = parseBearerToken(req.get('authorization'));
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  const device: unknown = req.cookies?.[DEVICE_COOKIE];
  return createContextInner({
    deps,
    apiToken,
    session:
      apiToken === null && typeof token === 'string'
        ? verifySessionToken(deps.jwtSecret, token)
        : null,
    cookies: expressCookieJar(res),
    requestId: requestIdOf(res),
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    idempotencyKey: req.get('idempotency-key') ?? null,
    deviceCookie: typeof device === 'string' ? device : null,
  });
}

/**
 * The verified person behind a context (tenantProcedure's check): the API
 * token, or the session's token version, person and company, re-read now.
 */
export async function actorOfContext(ctx: Context): Promise<Actor> {
  if (ctx.apiToken === 'malformed') {
    throw new AppError('INVALID_API_TOKEN', 'The API token is invalid, expired or revoked.');
  }
  const actor = ctx.apiToken
    ? await loadTokenActor(ctx.deps, ctx.apiToken)
    : ctx.session
      ? await loadActor(ctx.deps, ctx.session, ctx.cookies)
      : null;
  if (!actor) throw new AppError('NOT_SIGNED_IN', 'Please log in to continue.');
  return actor;
}
