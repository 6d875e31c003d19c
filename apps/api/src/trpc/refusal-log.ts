import type { TRPCError } from '@trpc/server';
import { APP_ERROR_CODES, AppError } from '../errors/app-error.ts';
import { logSecurityEvent } from '../http/security-log.ts';
import type { Actor, Context } from './context.ts';

/**
 * A refused authorization (ASVS 8.2.1/16.3.2): a role check's FORBIDDEN or a service's
 * AppError of that kind. Being asked to change one's password first is not one.
 */
export function isPermissionRefusal(error: TRPCError): boolean {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return APP_ERROR_CODES[cause.code] === 'FORBIDDEN' && cause.code !== 'PASSWORD_CHANGE_REQUIRED';
  }
  return error.code === 'FORBIDDEN';
}

/** The security log line of a refusal: who, what, which request (never the input). */
export function logPermissionRefused(
  ctx: Context,
  actor: Actor,
  procedure: string,
  error: TRPCError,
): void {
  logSecurityEvent(ctx.deps.logger, 'permission_refused', {
    requestId: ctx.requestId,
    actorId: actor.personId,
    companyId: actor.companyId,
    role: actor.role,
    procedure,
    clientIp: ctx.clientIp,
    reason: error.cause instanceof AppError ? error.cause.code : error.message,
    ...(actor.tokenId ? { tokenId: actor.tokenId } : {}),
  });
}
