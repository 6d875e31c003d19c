import { router } from '../../trpc/init.ts';
import { listAlertsProcedure } from './list-alerts.ts';
import { recordCountermeasureProcedure } from './record-countermeasure.ts';

export const alertsRouter = router({
  list: listAlertsProcedure,
  recordCountermeasure: recordCountermeasureProcedure,
});
