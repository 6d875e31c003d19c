import { recordCountermeasure } from '../../services/alerts/record-countermeasure.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { alertOutput, recordCountermeasureInput } from './alert-schemas.ts';

/** The alert's team lead, its supervisor, WHS or an admin records a countermeasure; the service decides. */
export const recordCountermeasureProcedure = tenantProcedure
  .input(recordCountermeasureInput)
  .output(alertOutput)
  .mutation(({ ctx, input }) => recordCountermeasure(ctx.deps, ctx.actor, input));
