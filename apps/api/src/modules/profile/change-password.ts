import { changePassword } from '../../services/profile/profile-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { changePasswordInput, changePasswordOutput } from './profile-schemas.ts';

/** Other sessions end; this browser stays signed in with a fresh cookie. */
export const changePasswordProcedure = sessionProcedure
  .input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(async ({ ctx, input }) => {
    const { token } = await changePassword(ctx.deps, ctx.actor, input, ctx.clientIp);
    ctx.cookies.set(token);
    return { ok: true as const };
  });
