import { transitionCase } from '../../services/cases/case-commands.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { caseDetailOutput, transitionCaseInput } from './case-schemas.ts';

/** WHS moves a case along OPEN → INVESTIGATING → RESOLVED → CLOSED (or reopens it). */
export const transitionCaseProcedure = tenantProcedure
  .input(transitionCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => transitionCase(ctx.deps, ctx.actor, input));
