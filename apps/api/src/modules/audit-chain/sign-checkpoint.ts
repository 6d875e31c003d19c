import { signCheckpointNow } from '../../services/audit-chain/audit-integrity.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { signCheckpointOutput } from './audit-chain-schemas.ts';

/** Signs a checkpoint of the chain's head now (nothing when the head is already signed). */
export const signCheckpointProcedure = adminSessionProcedure
  .output(signCheckpointOutput)
  .mutation(({ ctx }) => signCheckpointNow(ctx.deps, ctx.actor));
