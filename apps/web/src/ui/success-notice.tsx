import { cx } from './class-names.ts';

/**
 * What just succeeded, announced politely. The live region stays in the page so a new
 * message is read out even when it replaces the previous one.
 */
export function SuccessNotice({
  message,
  onDismiss,
  className,
}: {
  message: string | null;
  onDismiss?: () => void;
  className?: string;
}) {
  return (
    <div role="status" className={cx(message === null && 'sr-only', className)}>
      {message !== null && (
        <div className="flex items-start justify-between gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p className="flex gap-2">
            <span aria-hidden="true">✓</span>
            {message}
          </p>
          {onDismiss && (
            <button
              type="button"
              onClick={onDismiss}
              className="shrink-0 rounded font-medium text-emerald-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}
