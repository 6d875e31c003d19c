export { deriveNotifications, notificationMessages } from './derive-notifications.ts';
export {
  eventGroupKey,
  NOTIFICATION_KINDS,
  type NotificationData,
  type NotificationKind,
  type NotificationValue,
  reminderGroupKey,
  teamMissesGroupKey,
} from './notification-kinds.ts';
export {
  archiveNotification,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_RETENTION_DAYS,
  pruneReadNotifications,
  type RecipientOf,
  type ReminderDue,
  recordReminders,
} from './notification-writes.ts';
export { NOTIFICATION_PRODUCERS } from './producers/index.ts';
