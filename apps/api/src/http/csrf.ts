import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { verifySessionToken } from '../auth/session-token.ts';
import type { Logger } from './logger.ts';
import { logSecurityEvent } from './security-log.ts';

export const CSRF_HEADER = 'x-aegira-csrf';

/**
 * Refuses cross-site requests that could change state. Browsers will not send
 * a custom header cross-origin without a CORS preflight (which this server never
 * grants), and Origin / Sec-Fetch-Site tell us where a request came from.
 * Applies to every non-GET request; GET requests (tRPC queries) change nothing.
 */
export function csrfGuard(
  allowedOrigins: readonly string[],
  security: { logger: Logger; jwtSecret: string },
) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const refusal = refusalReason(req, allowedOrigins);
    if (refusal) {
      logCsrfRefusal(req, res, refusal, security);
      res.status(403).json({
        error: { message: `Cross-site request refused: ${refusal}.`, code: 'FORBIDDEN' },
      });
      return;
    }
    next();
  };
}

function refusalReason(req: Request, allowedOrigins: readonly string[]): string | null {
  // A bearer token is never sent by a browser on its own (unlike a cookie), and
  // the server then ignores the session cookie: nothing to forge.
  if (/^Bearer\s/i.test(req.get('authorization') ?? '')) return null;
  if (req.get(CSRF_HEADER) !== '1') return `the ${CSRF_HEADER} header is missing`;
  const fetchSite = req.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `Sec-Fetch-Site is ${fetchSite}`;
  }
  const origin = req.get('origin');
  if (origin) {
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin !== own && !allowedOrigins.includes(origin))
      return `origin ${origin} is not allowed`;
  }
  return null;
}

/**
 * The security log line of a refusal (issue 11): request id, the procedure, and the person
 * whose session cookie rode along (signature-checked only: whose browser was used).
 */
function logCsrfRefusal(
  req: Request,
  res: Response,
  reason: string,
  security: { logger: Logger; jwtSecret: string },
): void {
  const cookie: unknown = req.cookies?.[SESSION_COOKIE];
  const session =
    typeof cookie === 'string' ? verifySessionToken(security.jwtSecret, cookie) : null;
  const requestId: unknown = res.locals.requestId;
  logSecurityEvent(security.logger, 'csrf_refused', {
    reason,
    procedure: req.path.replace(/^\//, '').slice(0, 200),
    clientIp: req.ip ?? 'unknown',
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(session ? { actorId: session.personId, companyId: session.companyId } : {}),
  });
}
