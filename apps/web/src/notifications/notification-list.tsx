import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { NotificationItem } from './notification-item.tsx';
import type { NotificationFilter } from './notification-types.ts';
import { useNotificationActions, useNotificationPages } from './use-notification-pages.ts';

type NotificationListProps = {
  /** Which notifications: the inbox ('all', unread and read), 'unread', 'read' or 'archived'. */
  filter?: NotificationFilter;
  /** How many per page; more load on request. */
  pageSize?: number;
};

const EMPTY: Record<NotificationFilter, string> = {
  all: 'Nothing here yet. Reminders, misses, team changes and leave show up here.',
  unread: 'You are all caught up.',
  read: 'Nothing read yet.',
  archived: 'Nothing archived.',
};

/**
 * The signed-in person's notifications with loading, empty and error states, mark read and
 * archive. Used by the notifications page and the profile page; it refreshes itself when
 * `trpc.notifications` is invalidated (after a mark, or a live message).
 */
export function NotificationList({ filter = 'all', pageSize = 20 }: NotificationListProps) {
  const timeZone = useSignedInUser().company.timezone;
  const pages = useNotificationPages(filter, pageSize);
  const { markRead, archive } = useNotificationActions();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const busyId = markRead.isPending
    ? markRead.variables?.id
    : archive.isPending
      ? archive.variables?.id
      : undefined;
  const actionError = markRead.error ?? archive.error;

  if (!pages.data) {
    return pages.isError ? (
      <LoadErrorPanel
        title="We could not load your notifications."
        error={pages.error}
        onRetry={() => void pages.refetch()}
        retrying={pages.isFetching}
      />
    ) : (
      <LoadingPanel label="Loading notifications…" />
    );
  }
  if (items.length === 0) return <EmptyState title="No notifications">{EMPTY[filter]}</EmptyState>;
  return (
    <div className="space-y-3">
      {actionError && (
        <p role="alert" className="text-sm text-red-700">
          That did not work. {errorMessage(actionError)}
        </p>
      )}
      <ul aria-label="Notifications" className="space-y-2">
        {items.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            timeZone={timeZone}
            busy={busyId === notification.id}
            onMarkRead={(id) => markRead.mutate({ id })}
            onArchive={(id) => archive.mutate({ id })}
          />
        ))}
      </ul>
      {pages.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(pages.error)}
        </p>
      )}
      {pages.hasNextPage && (
        <Button
          variant="secondary"
          pending={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </div>
  );
}
