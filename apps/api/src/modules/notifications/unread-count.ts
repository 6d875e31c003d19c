import { countUnreadNotifications } from '../../services/notifications/notification-queries.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { unreadCountOutput } from './notification-schemas.ts';

/** The number on the bell. */
export const unreadCountProcedure = sessionProcedure
  .output(unreadCountOutput)
  .query(async ({ ctx }) => ({ count: await countUnreadNotifications(ctx.deps.db, ctx.actor) }));
