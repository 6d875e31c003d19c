import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { type Request, type Response, Router } from 'express';
import { parseBearerToken } from '../../auth/api-token.ts';
import { isRetryableDatabaseError, RETRY_AFTER_SECONDS } from '../../errors/database-failure.ts';
import { type ApiDeps, createContextInner } from '../../trpc/context.ts';
import { describeError } from '../../trpc/format-error.ts';
import { createCallerFactory } from '../../trpc/init.ts';
import { appRouter } from '../../trpc/router.ts';
import { failureDetail } from '../failure-detail.ts';
import { strictJsonBody } from '../strict-json-body.ts';
import { jsonSchemaOf, openApiDocument } from './openapi-document.ts';
import { type TokenOperation, tokenOperations } from './token-surface.ts';

const createCaller = createCallerFactory(appRouter);

/** Query strings carry text; the documented type of each parameter says how to read it. */
function queryInput(operation: TokenOperation, query: Request['query']): unknown {
  if (!operation.input) return undefined;
  const schema = jsonSchemaOf(operation.input, 'input');
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const input: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (typeof raw !== 'string') {
      input[name] = raw;
      continue;
    }
    const type = properties[name]?.type;
    if (
      (type === 'integer' || type === 'number') &&
      raw.trim() !== '' &&
      !Number.isNaN(Number(raw))
    ) {
      input[name] = Number(raw);
    } else if (type === 'boolean' && (raw === 'true' || raw === 'false')) {
      input[name] = raw === 'true';
    } else {
      input[name] = raw;
    }
  }
  return input;
}

/** The caller's procedure at `path` (`holidays.create`), found through the caller's own proxy. */
function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split('.')) {
    target = (target as Record<string, unknown>)[segment];
  }
  if (typeof target !== 'function') throw new Error(`no procedure ${path}`);
  return (input) =>
    Promise.resolve(Reflect.apply(target as (input: unknown) => unknown, undefined, [input]));
}

/** The decoded body text (strict-json-body.ts) as JSON; malformed JSON is the caller's mistake. */
function jsonInput(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'The body must be a JSON object of at most 100 kB.',
      cause,
    });
  }
}

function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : 'unknown';
}

/**
 * `/api/openapi.json` and the REST mapping of the token surface (token-surface.ts).
 * Each call goes through the same procedure, middleware and error formatting as
 * over tRPC; only a bearer token authenticates (cookies are ignored, so these
 * routes need no CSRF defence).
 */
export function restApi(deps: ApiDeps): Router {
  const routes = Router();
  routes.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  // Strict UTF-8 JSON as over tRPC: 415 for any other content type, 413 over 100 kB.
  const body = strictJsonBody(100 * 1024, (res, refusal) => {
    res.status(refusal.status).json({
      error: {
        code: refusal.code,
        message: refusal.message,
        appCode: null,
        reason: null,
        fieldErrors: null,
        requestId: requestIdOf(res),
      },
    });
  });
  for (const operation of tokenOperations()) {
    const handle = async (req: Request, res: Response) => {
      const requestId = requestIdOf(res);
      const apiToken = parseBearerToken(req.get('authorization'));
      const ctx = createContextInner({
        deps,
        apiToken,
        session: null,
        cookies: { set: () => undefined, clear: () => undefined },
        requestId,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        idempotencyKey: req.get('idempotency-key') ?? null,
      });
      try {
        const input =
          operation.method === 'get' ? queryInput(operation, req.query) : jsonInput(req.body);
        const output = await procedureAt(createCaller(ctx), operation.procedure)(input);
        res.status(200).json(output ?? null);
      } catch (caught) {
        const error =
          caught instanceof TRPCError
            ? caught
            : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: caught });
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.logger.error('procedure failed', {
            requestId,
            path: operation.procedure,
            error: error.cause?.stack ?? error.stack ?? String(error),
            detail: failureDetail(error.cause),
          });
        }
        const details = describeError(error, requestId);
        if (isRetryableDatabaseError(error.cause)) {
          res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        }
        res.status(getHTTPStatusCodeFromError(error)).json({
          error: {
            code: error.code,
            message: details.message,
            appCode: details.appCode ?? null,
            reason: details.reason ?? null,
            fieldErrors: details.fieldErrors ?? null,
            ...(details.current === undefined ? {} : { current: details.current }),
            requestId,
          },
        });
      }
    };
    if (operation.method === 'get') {
      routes.get(operation.path, handle);
      continue;
    }
    routes.post(operation.path, body, handle);
  }
  return routes;
}
