import { reassignCase } from '../../services/cases/case-commands.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { caseDetailOutput, reassignCaseInput } from './case-schemas.ts';

/** WHS hands a case to another active WHS officer. */
export const reassignCaseProcedure = tenantProcedure
  .input(reassignCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => reassignCase(ctx.deps, ctx.actor, input));
