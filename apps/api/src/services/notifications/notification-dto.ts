import { NOTIFICATION_KINDS } from '@aegira/db';
import { z } from 'zod';

export const NOTIFICATION_FILTERS = ['unread', 'read', 'archived', 'all'] as const;
export type NotificationFilter = (typeof NOTIFICATION_FILTERS)[number];

export const notificationOutput = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** How many events it groups (a lead's misses of a team and day); 1 otherwise. */
  count: z.number().int().min(1),
  /** When it was caused, or last grew. */
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  archivedAt: z.iso.datetime().nullable(),
});
export type NotificationDto = z.infer<typeof notificationOutput>;

export const notificationPageOutput = z.object({
  items: z.array(notificationOutput),
  nextCursor: z.uuid().nullable(),
});
