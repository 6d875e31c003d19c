import { router } from '../../trpc/init.ts';
import { cancelLeaveProcedure } from './cancel-leave.ts';
import { listLeaveProcedure } from './list-leave.ts';
import { recordLeaveProcedure } from './record-leave.ts';

export const leaveRouter = router({
  record: recordLeaveProcedure,
  cancel: cancelLeaveProcedure,
  list: listLeaveProcedure,
});
