import { deactivateHoliday } from '../../services/holidays/holiday-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { deactivateHolidayInput, holidayOutput } from './holiday-schemas.ts';

/** The holiday stops applying; its row and history stay. */
export const deactivateHolidayProcedure = roleProcedure('ADMIN')
  .input(deactivateHolidayInput)
  .output(holidayOutput)
  .mutation(({ ctx, input }) => deactivateHoliday(ctx.deps, ctx.actor, input));
