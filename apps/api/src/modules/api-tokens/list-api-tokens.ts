import { listApiTokens } from '../../services/api-tokens/api-token-service.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { apiTokenListOutput } from './api-token-schemas.ts';

/** Every token of the company, newest first, without secrets. */
export const listApiTokensProcedure = adminSessionProcedure
  .output(apiTokenListOutput)
  .query(async ({ ctx }) => ({ items: await listApiTokens(ctx.deps, ctx.actor) }));
