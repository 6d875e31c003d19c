import { AppError } from '../../errors/app-error.ts';
import { findSessionUser, loadActor } from '../../services/session-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { meOutput } from './auth-schemas.ts';

/** Who is signed in, or null; never an error, so the web app can decide what to show. */
export const meProcedure = publicProcedure.output(meOutput).query(async ({ ctx }) => {
  if (!ctx.session) return { user: null };
  try {
    await loadActor(ctx.deps, ctx.session, ctx.cookies);
  } catch (error) {
    if (error instanceof AppError) return { user: null };
    throw error;
  }
  return { user: await findSessionUser(ctx.deps, ctx.session) };
});
