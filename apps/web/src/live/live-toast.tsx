import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { cx } from '../ui/class-names.ts';

/**
 * A live event, announced politely: the status region stays in the page so a
 * screen reader reads a new message even when it replaces the previous one.
 */
export function LiveToast({
  message,
  onDismiss,
}: {
  message: string | null;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      className={cx(message === null ? 'sr-only' : 'fixed right-4 bottom-4 z-20 w-full max-w-sm')}
    >
      {message !== null && (
        <div className="flex items-start justify-between gap-3 rounded-lg border border-teal-200 bg-white px-4 py-3 text-sm text-slate-900 shadow-lg">
          <p>
            {message}{' '}
            <Link
              to={paths.notifications}
              className="font-medium text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              Open notifications
            </Link>
          </p>
          <button
            type="button"
            onClick={onDismiss}
            className="shrink-0 rounded font-medium text-slate-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
