import { login } from '../../services/auth-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { loginInput, userResultOutput } from './auth-schemas.ts';

/** Email + password; the session token goes only into the httpOnly cookie. */
export const loginProcedure = publicProcedure
  .input(loginInput)
  .output(userResultOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, token } = await login(ctx.deps, input, ctx.clientIp);
    ctx.cookies.set(token);
    return { user };
  });
