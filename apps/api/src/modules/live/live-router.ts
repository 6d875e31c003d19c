import { router } from '../../trpc/init.ts';
import { liveUpdatesProcedure } from './live-updates.ts';

export const liveRouter = router({
  updates: liveUpdatesProcedure,
});
