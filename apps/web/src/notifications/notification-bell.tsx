import { useQuery } from '@tanstack/react-query';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { procedureQuery } from '../trpc/first-page-client.ts';

/**
 * The bell in the header, on every page and for every role: a link to the notifications with
 * the unread count. The count refreshes when `trpc.notifications` is invalidated (a live
 * message, a mark), not by polling.
 */
export function NotificationBell() {
  const unread = useQuery({ ...procedureQuery('notifications.unreadCount'), staleTime: 30_000 });
  const count = unread.data?.count ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Link
      to={paths.notifications}
      aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}
      className="relative inline-flex size-10 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        className="size-6"
      >
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.86 17.08a23.85 23.85 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.09 5.45 1.31m5.72 0a24.26 24.26 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0"
        />
      </svg>
      {count > 0 && (
        <span
          data-testid="unread-count"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs leading-5 font-semibold text-white"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
