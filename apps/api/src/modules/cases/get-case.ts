import { getCase } from '../../services/cases/case-detail.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { caseDetailOutput, caseIdInput } from './case-schemas.ts';

/** WHS: a case with its incident, notes, 14-day readiness context and timeline. */
export const getCaseProcedure = tenantProcedure
  .input(caseIdInput)
  .output(caseDetailOutput)
  .query(({ ctx, input }) => getCase(ctx.deps, ctx.actor, input.caseId));
