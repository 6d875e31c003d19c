import { revokeApiToken } from '../../services/api-tokens/api-token-service.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { apiTokenIdInput, apiTokenOutput } from './api-token-schemas.ts';

/** Stops a token at once: its next request is refused. */
export const revokeApiTokenProcedure = adminSessionProcedure
  .input(apiTokenIdInput)
  .output(apiTokenOutput)
  .mutation(({ ctx, input }) => revokeApiToken(ctx.deps, ctx.actor, input.id));
