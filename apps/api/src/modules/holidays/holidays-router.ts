import { router } from '../../trpc/init.ts';
import { createHolidayProcedure } from './create-holiday.ts';
import { deactivateHolidayProcedure } from './deactivate-holiday.ts';
import { listHolidaysProcedure } from './list-holidays.ts';
import { updateHolidayProcedure } from './update-holiday.ts';

export const holidaysRouter = router({
  list: listHolidaysProcedure,
  create: createHolidayProcedure,
  update: updateHolidayProcedure,
  deactivate: deactivateHolidayProcedure,
});
