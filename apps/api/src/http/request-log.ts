import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger.ts';

/** Who made a request, noted once the tRPC middleware has verified them. */
export interface RequestActor {
  personId: string;
  companyId: string;
  tokenId: string | null;
}

interface RequestNotes {
  actor?: RequestActor;
}

// The tRPC procedure runs inside the request's async context; this is how the
// verified actor travels back to the request log without threading it through
// every context type.
const notes = new AsyncLocalStorage<RequestNotes>();

/** Called by tenantProcedure: the request log line then names the actor (ids only). */
export function noteActor(actor: RequestActor): void {
  const current = notes.getStore();
  if (current) current.actor = actor;
}

/** tRPC paths of a request (`/trpc/a.b,c.d` → `a.b,c.d`), or the Express path. */
export function routeOf(req: IncomingMessage): string {
  // Express rewrites req.url inside mounted routers; originalUrl is what the client asked for.
  const original: unknown = (req as Partial<Request>).originalUrl;
  const url = typeof original === 'string' ? original : (req.url ?? '/');
  const pathname = url.split('?')[0] ?? '/';
  return pathname.startsWith('/trpc/') ? `trpc:${pathname.slice('/trpc/'.length)}` : pathname;
}

function outcomeFields(req: IncomingMessage, res: ServerResponse): Record<string, string> {
  const actor = notesOf(res)?.actor;
  return {
    route: routeOf(req),
    ...(actor ? { personId: actor.personId, companyId: actor.companyId } : {}),
    ...(actor?.tokenId ? { tokenId: actor.tokenId } : {}),
  };
}

function notesOf(res: ServerResponse): RequestNotes | undefined {
  const value: unknown = (res as Response).locals?.requestNotes;
  return typeof value === 'object' && value !== null ? (value as RequestNotes) : undefined;
}

/**
 * One log line per request (pino-http): request id (also in the `x-request-id`
 * header and in generic error messages), route, status, duration and actor ids.
 * Headers are not logged at all; the logger's redaction is the second line of defence.
 */
export function requestLog(logger: Logger) {
  const http = pinoHttp({
    logger: logger.pino,
    genReqId: (_req, res) => {
      const id = randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // Health probes and scrapes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    serializers: {
      req: (req: { id: unknown; method: unknown }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
    },
    // Added to the completion line only (customProps would also bind them at the start,
    // before the actor is known, and log the keys twice).
    customSuccessObject: (req, res, line) => ({ ...line, ...outcomeFields(req, res) }),
    customErrorObject: (req, res, _error, line) => ({ ...line, ...outcomeFields(req, res) }),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    http(req, res);
    res.locals.requestId = String(req.id);
    const requestNotes: RequestNotes = {};
    res.locals.requestNotes = requestNotes;
    notes.run(requestNotes, next);
  };
}
