import { createHoliday } from '../../services/holidays/holiday-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { createHolidayInput, holidayOutput } from './holiday-schemas.ts';

/** CONFLICT when an active holiday already falls on that day. */
export const createHolidayProcedure = roleProcedure('ADMIN')
  .input(createHolidayInput)
  .output(holidayOutput)
  .mutation(({ ctx, input }) => createHoliday(ctx.deps, ctx.actor, input));
