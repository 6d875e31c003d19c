import { listNotifications } from '../../services/notifications/notification-queries.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { listNotificationsInput, notificationPageOutput } from './notification-schemas.ts';

/** The caller's own notifications, newest first, by cursor; every role has them. */
export const listNotificationsProcedure = sessionProcedure
  .input(listNotificationsInput)
  .output(notificationPageOutput)
  .query(({ ctx, input }) => listNotifications(ctx.deps.db, ctx.actor, input));
