import { listCases } from '../../services/cases/list-cases.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { caseListOutput, listCasesInput } from './case-schemas.ts';

/** WHS: cases by state, optionally only the caller's, newest first. */
export const listCasesProcedure = tenantProcedure
  .input(listCasesInput)
  .output(caseListOutput)
  .query(({ ctx, input }) => listCases(ctx.deps, ctx.actor, input));
