import type { NextFunction, Request, Response } from 'express';

export const CSRF_HEADER = 'x-aegira-csrf';

/**
 * Refuses cross-site requests that could change state. Browsers will not send
 * a custom header cross-origin without a CORS preflight (which this server never
 * grants), and Origin / Sec-Fetch-Site tell us where a request came from.
 * Applies to every non-GET request; GET requests (tRPC queries) change nothing.
 */
export function csrfGuard(allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const refusal = refusalReason(req, allowedOrigins);
    if (refusal) {
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
