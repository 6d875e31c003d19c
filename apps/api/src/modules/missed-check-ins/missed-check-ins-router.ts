import { router } from '../../trpc/init.ts';
import { excuseMissedCheckInProcedure } from './excuse-missed-check-in.ts';
import { listMissedCheckInsProcedure } from './list-missed-check-ins.ts';

export const missedCheckInsRouter = router({
  list: listMissedCheckInsProcedure,
  excuse: excuseMissedCheckInProcedure,
});
