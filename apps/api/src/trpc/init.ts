import type { Role } from '@aegira/events';
import { initTRPC, TRPCError } from '@trpc/server';
import { AppError } from '../errors/app-error.ts';
import { loadActor } from '../services/session-service.ts';
import type { Context } from './context.ts';
import { describeError, toTRPCError } from './format-error.ts';

// The only initTRPC of the API; every procedure is built from the exports below.
const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const details = describeError(error, ctx?.requestId ?? 'unknown');
    return {
      code: shape.code,
      message: details.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: details.appCode,
        reason: details.reason,
        fieldErrors: details.fieldErrors,
        requestId: ctx?.requestId,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw AppError; this turns it into the matching tRPC error in one place. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

/** A request with a signature-checked session token (not yet checked against the database). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    throw new AppError('NOT_SIGNED_IN', 'Please log in to continue.');
  }
  return next({ ctx: { session: ctx.session } });
});

/**
 * A verified person of an active company: the token version, the person and the
 * company are re-checked on every request, so logout and deactivation take effect
 * at once. `ctx.companyId` comes from here — never from input.
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const actor = await loadActor(ctx.deps, ctx.session, ctx.cookies);
  return next({ ctx: { actor, companyId: actor.companyId } });
});

/** Only the given roles may call it. */
export function roleProcedure(...roles: Role[]) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this action.' });
    }
    return next();
  });
}
