import { useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../trpc/trpc.ts';
import type { NotificationFilter } from './notification-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/**
 * The signed-in person's notifications, newest first, a page at a time. Keyed under
 * `notifications`, so invalidating `trpc.notifications` (a live message, a mark) refreshes it.
 */
export function useNotificationPages(filter: NotificationFilter, limit: number) {
  const utils = trpc.useUtils();
  const input = { filter, limit };
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.notifications.list, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.notifications.list.query(
        pageParam === null ? input : { ...input, cursor: pageParam },
        { signal },
      ),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Marks and archives, refreshing every notification query (lists and the bell) after each. */
export function useNotificationActions() {
  const utils = trpc.useUtils();
  const refresh = { onSettled: () => utils.notifications.invalidate() };
  return {
    markRead: trpc.notifications.markRead.useMutation(refresh),
    markAllRead: trpc.notifications.markAllRead.useMutation(refresh),
    archive: trpc.notifications.archive.useMutation(refresh),
  };
}
