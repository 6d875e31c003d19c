import { listHolidays } from '../../services/holidays/holiday-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { listHolidaysInput, listHolidaysOutput } from './holiday-schemas.ts';

/** Anyone in the company: active holidays by default, optionally one year's. */
export const listHolidaysProcedure = tenantProcedure
  .input(listHolidaysInput)
  .output(listHolidaysOutput)
  .query(({ ctx, input }) => listHolidays(ctx.deps, ctx.actor, input));
