import { login } from '../../services/login-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { loginInput, userResultOutput } from './auth-schemas.ts';

/** Company + email + password; the session token goes only into the httpOnly cookie. */
export const loginProcedure = publicProcedure
  .input(loginInput)
  .output(userResultOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, token, deviceCookie } = await login(ctx.deps, input, {
      clientIp: ctx.clientIp,
      requestId: ctx.requestId,
      deviceCookie: ctx.deviceCookie,
    });
    ctx.cookies.set(token);
    ctx.cookies.setDevice?.(deviceCookie);
    return { user };
  });
