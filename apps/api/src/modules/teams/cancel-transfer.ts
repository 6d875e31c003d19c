import { cancelTransfer } from '../../services/teams/assignment-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { cancelTransferInput, transferOutput } from './team-schemas.ts';

/** Cancels a worker's pending move; refused once it has taken effect. */
export const cancelTransferProcedure = roleProcedure('ADMIN')
  .input(cancelTransferInput)
  .output(transferOutput)
  .mutation(({ ctx, input }) => cancelTransfer(ctx.deps, ctx.actor, input));
