import { router } from '../../trpc/init.ts';
import { createApiTokenProcedure } from './create-api-token.ts';
import { listApiTokensProcedure } from './list-api-tokens.ts';
import { revokeApiTokenProcedure } from './revoke-api-token.ts';

export const apiTokensRouter = router({
  create: createApiTokenProcedure,
  list: listApiTokensProcedure,
  revoke: revokeApiTokenProcedure,
});
