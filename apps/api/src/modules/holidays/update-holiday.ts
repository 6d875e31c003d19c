import { updateHoliday } from '../../services/holidays/holiday-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { holidayOutput, updateHolidayInput } from './holiday-schemas.ts';

/** Date, name or recurrence of an active holiday; only changed fields are recorded. */
export const updateHolidayProcedure = roleProcedure('ADMIN')
  .input(updateHolidayInput)
  .output(holidayOutput)
  .mutation(({ ctx, input }) => updateHoliday(ctx.deps, ctx.actor, input));
