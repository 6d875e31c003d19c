import { router } from '../../trpc/init.ts';
import { amendCheckInProcedure } from './amend-check-in.ts';
import { checkInHistoryProcedure } from './check-in-history.ts';
import { checkInStatusProcedure } from './check-in-status.ts';
import { checkInsForDateProcedure } from './check-ins-for-date.ts';
import { getCheckInProcedure } from './get-check-in.ts';
import { submitCheckInProcedure } from './submit-check-in.ts';
import { todayCheckInProcedure } from './today-check-in.ts';

export const checkInRouter = router({
  status: checkInStatusProcedure,
  submit: submitCheckInProcedure,
  amend: amendCheckInProcedure,
  today: todayCheckInProcedure,
  history: checkInHistoryProcedure,
  get: getCheckInProcedure,
  forDate: checkInsForDateProcedure,
});
