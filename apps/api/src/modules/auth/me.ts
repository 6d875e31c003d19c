import { resumeSession } from '../../services/session-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { meOutput } from './auth-schemas.ts';

/** Who is signed in, or null; never an error, so the web app can decide what to show. */
export const meProcedure = publicProcedure.output(meOutput).query(async ({ ctx }) => ({
  user: ctx.session ? await resumeSession(ctx.deps, ctx.session, ctx.cookies) : null,
}));
