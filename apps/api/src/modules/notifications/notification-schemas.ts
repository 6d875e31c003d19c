import { z } from 'zod';
import { NOTIFICATION_FILTERS } from '../../services/notifications/notification-dto.ts';

export {
  notificationOutput,
  notificationPageOutput,
} from '../../services/notifications/notification-dto.ts';

export const listNotificationsInput = z.strictObject({
  /** unread, read, archived, or all (the inbox: unread and read, not archived). */
  filter: z
    .enum(NOTIFICATION_FILTERS, { error: `must be one of: ${NOTIFICATION_FILTERS.join(', ')}` })
    .default('all'),
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(20),
});

export const notificationIdInput = z.strictObject({
  id: z.uuid('must be the id of a notification'),
});

export const unreadCountOutput = z.object({ count: z.number().int().min(0) });

export const markAllReadOutput = z.object({ marked: z.number().int().min(0) });
