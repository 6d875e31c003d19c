import { signUp } from '../../services/auth-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { signUpInput, userResultOutput } from './auth-schemas.ts';

/** A company signs up with its name, timezone and first admin, who is then signed in (limited per address). */
export const signUpProcedure = publicProcedure
  .input(signUpInput)
  .output(userResultOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, token } = await signUp(ctx.deps, input, {
      clientIp: ctx.clientIp,
      requestId: ctx.requestId,
    });
    ctx.cookies.set(token);
    return { user };
  });
