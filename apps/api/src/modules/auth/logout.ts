import { z } from 'zod';
import { logout } from '../../services/auth-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';

/** Revokes every session of the person (not only this browser's) and clears the cookie. */
export const logoutProcedure = sessionProcedure
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await logout(ctx.deps, ctx.actor);
    ctx.cookies.clear();
    return { ok: true as const };
  });
