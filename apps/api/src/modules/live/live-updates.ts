import { TRPCError } from '@trpc/server';
import { AppError } from '../../errors/app-error.ts';
import { liveStream } from '../../services/live/live-stream.ts';
import { toTRPCError } from '../../trpc/format-error.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { type LiveUpdateOutput, liveUpdateOutput } from './live-schemas.ts';

/**
 * `live.updates`: this browser's live updates over SSE (httpSubscriptionLink),
 * for a signed-in person only; company and role come from the session, never
 * from input. Each update is shaped by `liveUpdateOutput` (tRPC's output
 * parser would see the stream, not its items).
 */
export const liveUpdatesProcedure = sessionProcedure.subscription(async function* ({
  ctx,
  signal,
}): AsyncGenerator<LiveUpdateOutput> {
  const { live } = ctx.deps;
  const session = ctx.session;
  if (!live || !session) {
    // A server started without a listener (scripts) serves no live updates.
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Live updates are unavailable.' });
  }
  const stream = liveStream({
    hub: live.hub,
    viewer: { personId: ctx.actor.personId, companyId: ctx.companyId, role: ctx.actor.role },
    signal: signal ?? new AbortController().signal,
    stillSignedIn: () => live.sessions.stillHolds(session),
  });
  try {
    for await (const update of stream) yield liveUpdateOutput.parse(update);
  } catch (error) {
    // Thrown while streaming, past the middleware that maps AppError (the session ended).
    if (error instanceof AppError) throw toTRPCError(error);
    throw error;
  }
});
