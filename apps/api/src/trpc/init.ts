import { CredentialRevokedError, EventPayloadTooLargeError, PersonErasedError } from '@aegira/db';
import type { Role } from '@aegira/events';
import { initTRPC, TRPCError } from '@trpc/server';
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import { AppError } from '../errors/app-error.ts';
import { databaseFailureError } from '../errors/database-failure.ts';
import { referenceFailureError } from '../errors/reference-failure.ts';
import { revokedCredentialError } from '../errors/revoked-credential.ts';
import { findInputProblem } from '../http/input-guard.ts';
import { recordProcedure } from '../http/metrics.ts';
import { noteActor } from '../http/request-log.ts';
import type { Context } from './context.ts';
import { describeError, toTRPCError } from './format-error.ts';
import { idempotentMutation } from './idempotency.ts';
import { isPermissionRefusal, logPermissionRefused } from './refusal-log.ts';
import { actorOfContext } from './request-context.ts';

// The only initTRPC of the API; every procedure is built from the exports below.
/** Procedure metadata; `apiToken` marks what an API token may call (the OpenAPI surface). */
export interface ProcedureMeta {
  apiToken?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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
          ...(details.current === undefined ? {} : { current: details.current }),
          requestId: ctx?.requestId,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Services throw AppError; this turns it into the matching tRPC error in one place. A
 * transient database failure (timeout, deadlock, lost connection…) becomes a retryable
 * SERVICE_UNAVAILABLE or TIMEOUT with a generic message (errors/database-failure.ts).
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  if (result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  // The write path re-read the credential and found it revoked (packages/db credential-check.ts).
  if (result.error.cause instanceof CredentialRevokedError) {
    throw toTRPCError(revokedCredentialError(result.error.cause));
  }
  // An event over the payload cap (packages/db payload-size.ts): the input was too large.
  if (result.error.cause instanceof EventPayloadTooLargeError) {
    throw toTRPCError(new AppError('VALIDATION_FAILED', result.error.cause.message));
  }
  // New health data about a person whose data was erased (packages/db person-keys.ts): the
  // write path found their key destroyed. A refusal of the request, never a 500.
  if (result.error.cause instanceof PersonErasedError) {
    throw toTRPCError(
      new AppError(
        'ALREADY_ERASED',
        'This person’s health data was erased; nothing new can be recorded about them.',
      ),
    );
  }
  const databaseFailure = databaseFailureError(result.error.cause);
  if (databaseFailure) throw toTRPCError(databaseFailure);
  // A reference the database refused (another company's id): not found, never a 500.
  const referenceFailure = referenceFailureError(result.error.cause);
  if (referenceFailure) throw toTRPCError(referenceFailure);
  return result;
});

/** Latency per procedure for /metrics (apps/api/src/http/metrics.ts), whatever the outcome. */
const observeDuration = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const outcome = result.ok ? 'ok' : result.error.code;
  recordProcedure(path, type, outcome, (performance.now() - started) / 1000);
  return result;
});

/**
 * What no input may carry (http/input-guard.ts: NUL, lone surrogates, prototype keys, deep
 * nesting), refused with the field's path before any procedure's schema reads it.
 */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) {
    const fieldErrors = Object.create(null) as Record<string, string[]>;
    fieldErrors[problem.path] = [problem.message];
    throw new AppError('VALIDATION_FAILED', `Invalid input — ${problem.path}: ${problem.message}`, {
      fieldErrors,
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(observeDuration).use(mapAppErrors).use(guardInput);

/** A request that carries credentials: a signature-checked session cookie or an API token (not yet checked against the database). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.apiToken === 'malformed') {
    throw new AppError('INVALID_API_TOKEN', 'The API token is invalid, expired or revoked.');
  }
  if (!ctx.session && !ctx.apiToken) {
    throw new AppError('NOT_SIGNED_IN', 'Please log in to continue.');
  }
  return next();
});

/**
 * What a person signed in with an admin-set or one-time password may still do
 * (product.md "Sign-up and sessions"): change it, or leave. auth.me is public.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  'profile.changePassword',
  'auth.logout',
]);

/**
 * A verified person of an active company: the session's token version (or the
 * API token), the person and the company are re-checked on every request, so
 * logout, revocation and deactivation take effect at once. `ctx.companyId` comes
 * from here — never from input.
 */
export const tenantProcedure = authedProcedure
  .meta({ apiToken: true })
  .use(async ({ ctx, next, type, path }) => {
    const actor = await actorOfContext(ctx);
    noteActor(actor);
    if (actor.readOnly && type !== 'query') {
      const refusal = new TRPCError({ code: 'FORBIDDEN', message: 'This API token is read-only.' });
      logPermissionRefused(ctx, actor, path, refusal);
      throw refusal;
    }
    if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        'Your password was set by an administrator. Choose a new password before you continue.',
      );
    }
    const result = await next({ ctx: { actor, companyId: actor.companyId } });
    // Role checks below and the services' access policy refuse inside; logged once, here.
    if (!result.ok && isPermissionRefusal(result.error)) {
      logPermissionRefused(ctx, actor, path, result.error);
    }
    return result;
  })
  // An Idempotency-Key header makes a retried mutation answer as the first did (decision 035).
  .use(async ({ ctx, type, path, getRawInput, next }) =>
    type === 'mutation' && ctx.idempotencyKey !== null
      ? idempotentMutation(
          {
            db: ctx.deps.db,
            actor: ctx.actor,
            header: ctx.idempotencyKey,
            path,
            rawInput: await getRawInput(),
          },
          (actor) => next({ ctx: { actor } }),
          (data) => ({ ok: true as const, data, marker: middlewareMarker }),
        )
      : next(),
  );

/** Only for a person in a browser session: API tokens cannot log out, change passwords or mint tokens. */
export const sessionProcedure = tenantProcedure.meta({ apiToken: false }).use(({ ctx, next }) => {
  if (ctx.actor.tokenId !== null) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This action is not available to API tokens.',
    });
  }
  return next();
});

function refuseUnlessRole(role: Role, roles: readonly Role[]): void {
  if (!roles.includes(role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this action.' });
  }
}

/** Only the given roles may call it. */
export function roleProcedure(...roles: Role[]) {
  return tenantProcedure.use(({ ctx, next }) => {
    refuseUnlessRole(ctx.actor.role, roles);
    return next();
  });
}

/** An admin in a browser session (not an API token): e.g. issuing tokens. */
export const adminSessionProcedure = sessionProcedure.use(({ ctx, next }) => {
  refuseUnlessRole(ctx.actor.role, ['ADMIN']);
  return next();
});
