import { createApiToken } from '../../services/api-tokens/api-token-service.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { createApiTokenInput, createdApiTokenOutput } from './api-token-schemas.ts';

/** An admin issues a token for a purpose and scope; the plain token is in this response only. */
export const createApiTokenProcedure = adminSessionProcedure
  .input(createApiTokenInput)
  .output(createdApiTokenOutput)
  .mutation(({ ctx, input }) => createApiToken(ctx.deps, ctx.actor, input));
