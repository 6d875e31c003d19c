import { formatInstant } from '../admin/format-instant.ts';
import { Link } from '../router/link.tsx';
import { cx } from '../ui/class-names.ts';
import type { Notification } from './notification-types.ts';

type NotificationItemProps = {
  notification: Notification;
  timeZone: string;
  onMarkRead: (id: string) => void;
  onArchive: (id: string) => void;
  /** The notification an action is running for; its buttons wait. */
  busy: boolean;
};

const actionClass =
  'rounded-md px-2 py-1 text-sm font-medium text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-700 aria-disabled:cursor-wait aria-disabled:opacity-60';

/** One notification: what happened, when, and what to do with it. */
export function NotificationItem({
  notification: n,
  timeZone,
  onMarkRead,
  onArchive,
  busy,
}: NotificationItemProps) {
  const unread = n.readAt === null;
  return (
    <li
      className={cx(
        'flex flex-wrap items-start justify-between gap-3 rounded-xl border px-4 py-3',
        unread ? 'border-teal-200 bg-teal-50/60' : 'border-slate-200 bg-white',
      )}
    >
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium text-slate-900">
          {unread && <span className="sr-only">Unread: </span>}
          {unread && (
            <span
              aria-hidden="true"
              className="mr-2 inline-block size-2 rounded-full bg-teal-600"
            />
          )}
          {n.link ? (
            <Link
              to={n.link}
              className="underline-offset-2 hover:underline"
              onClick={() => unread && onMarkRead(n.id)}
            >
              {n.title}
            </Link>
          ) : (
            n.title
          )}
        </p>
        <p className="text-sm text-slate-700">{n.body}</p>
        <p className="text-xs text-slate-500">
          <time dateTime={n.createdAt}>{formatInstant(n.createdAt, timeZone)}</time>
          {n.archivedAt && ' · archived'}
        </p>
      </div>
      <div className="flex shrink-0 gap-1">
        {unread && (
          <button
            type="button"
            className={actionClass}
            aria-label={`Mark read: ${n.title}`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && onMarkRead(n.id)}
          >
            Mark read
          </button>
        )}
        {n.archivedAt === null && (
          <button
            type="button"
            className={actionClass}
            aria-label={`Archive: ${n.title}`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && onArchive(n.id)}
          >
            Archive
          </button>
        )}
      </div>
    </li>
  );
}
