import express, { type NextFunction, type Request, type Response } from 'express';

/** The refusals of a request body, each with its HTTP status. */
export type BodyRefusal =
  | { status: 415; code: 'UNSUPPORTED_MEDIA_TYPE'; message: string }
  | { status: 413; code: 'PAYLOAD_TOO_LARGE'; message: string }
  | { status: 400; code: 'BAD_REQUEST'; message: string };

/** How a route family words its errors (tRPC's envelope or the REST one). */
export type RefuseBody = (res: Response, refusal: BodyRefusal) => void;

const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

// Invalid bytes throw instead of silently becoming U+FFFD; a BOM is an error too.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isJson(req: Request): boolean {
  const [mediaType, ...parameters] = (req.get('content-type') ?? '').split(';');
  if (mediaType?.trim().toLowerCase() !== 'application/json') return false;
  // JSON is UTF-8 (RFC 8259 §8.1); a body declaring another charset is not one we read.
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"';
  });
}

/**
 * Reads a request body as JSON text only (issue 11, BI-5, AU-5): any other content type
 * (a form post, `text/plain`, multipart, octet-stream) gets 415 — forms are what a
 * cross-site page can send without a preflight — a body over `limitBytes` gets 413, and
 * bytes that are not UTF-8 get 400 rather than being stored as replacement characters.
 * `req.body` is then the decoded text (or undefined when empty), which tRPC's adapter
 * parses as it would have parsed the stream.
 */
export function strictJsonBody(limitBytes: number, refuse: RefuseBody) {
  const raw = express.raw({ type: () => true, limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    if (BODYLESS_METHODS.has(req.method)) {
      next();
      return;
    }
    if (!isJson(req)) {
      const given = req.get('content-type');
      refuse(res, {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: given
          ? `Unsupported content type "${given.slice(0, 100)}": send the body as application/json (UTF-8).`
          : 'The Content-Type header is missing: send the body as application/json (UTF-8).',
      });
      return;
    }
    raw(req, res, (error?: unknown) => {
      if (error) {
        const tooLarge =
          typeof error === 'object' && error !== null && 'type' in error
            ? error.type === 'entity.too.large'
            : false;
        refuse(
          res,
          tooLarge
            ? {
                status: 413,
                code: 'PAYLOAD_TOO_LARGE',
                message: `The request body is larger than ${Math.round(limitBytes / 1024)} kB.`,
              }
            : { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read.' },
        );
        return;
      }
      const bytes: unknown = req.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        req.body = undefined;
        next();
        return;
      }
      try {
        req.body = utf8.decode(bytes);
      } catch {
        refuse(res, {
          status: 400,
          code: 'BAD_REQUEST',
          message: 'The request body is not valid UTF-8 text.',
        });
        return;
      }
      next();
    });
  };
}
