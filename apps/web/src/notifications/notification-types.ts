import type { RouterInputs, RouterOutputs } from '../trpc/types.ts';

export type Notification = RouterOutputs['notifications']['list']['items'][number];
export type NotificationFilter = NonNullable<RouterInputs['notifications']['list']['filter']>;

export const NOTIFICATION_FILTERS: ReadonlyArray<{ value: NotificationFilter; label: string }> = [
  { value: 'all', label: 'Inbox' },
  { value: 'unread', label: 'Unread' },
  { value: 'read', label: 'Read' },
  { value: 'archived', label: 'Archived' },
];
