import { router } from '../../trpc/init.ts';
import { archiveNotificationProcedure } from './archive-notification.ts';
import { listNotificationsProcedure } from './list-notifications.ts';
import { markAllReadProcedure } from './mark-all-read.ts';
import { markReadProcedure } from './mark-read.ts';
import { unreadCountProcedure } from './unread-count.ts';

export const notificationsRouter = router({
  list: listNotificationsProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
  archive: archiveNotificationProcedure,
});
