import { useState } from 'react';
import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/class-names.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { NotificationList } from './notification-list.tsx';
import { NOTIFICATION_FILTERS, type NotificationFilter } from './notification-types.ts';
import { useNotificationActions } from './use-notification-pages.ts';

/** /notifications: every role's notifications, by filter, with "mark all read". */
export function NotificationsPage() {
  const [filter, setFilter] = useState<NotificationFilter>('all');
  const { markAllRead } = useNotificationActions();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="Notifications">Notifications</PageHeading>
          <p className="max-w-2xl text-slate-600">
            Reminders, missed check-ins, team changes, leave and alerts that concern you. Read ones
            are removed after 90 days.
          </p>
        </div>
        <Button
          variant="secondary"
          pending={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          Mark all read
        </Button>
      </div>
      {markAllRead.error && (
        <p role="alert" className="text-sm text-red-700">
          Could not mark them read. {errorMessage(markAllRead.error)}
        </p>
      )}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Show</legend>
        {NOTIFICATION_FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={filter === option.value}
            onClick={() => setFilter(option.value)}
            className={cx(
              'rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-teal-700',
              filter === option.value
                ? 'bg-teal-700 text-white ring-teal-700'
                : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
            )}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      <NotificationList filter={filter} />
    </div>
  );
}
