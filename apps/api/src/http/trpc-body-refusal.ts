import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { Response } from 'express';
import type { BodyRefusal } from './strict-json-body.ts';

/**
 * A body refused before tRPC reads it, in tRPC's own error envelope, so the web
 * client's TRPCClientError carries the message and code as for any other failure.
 */
export function refuseTrpcBody(res: Response, refusal: BodyRefusal): void {
  const requestId: unknown = res.locals.requestId;
  res.status(refusal.status).json({
    error: {
      message: refusal.message,
      code: TRPC_ERROR_CODES_BY_KEY[refusal.code],
      data: {
        code: refusal.code,
        httpStatus: refusal.status,
        ...(typeof requestId === 'string' ? { requestId } : {}),
      },
    },
  });
}
