import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { Spinner } from '../ui/spinner.tsx';

/** A section of a page still loading, said in words as well as with the spinner. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-3 py-6 text-sm text-slate-600">
      <Spinner className="text-teal-700" />
      {label}
    </p>
  );
}

type LoadErrorPanelProps = {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
};

/** A read that failed: what could not be loaded, why, and a way to try again. */
export function LoadErrorPanel({ title, error, onRetry, retrying }: LoadErrorPanelProps) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-xl border border-red-200 bg-red-50 px-4 py-4 text-sm text-red-900"
    >
      <p className="font-medium">{title}</p>
      <p>{errorMessage(error)}</p>
      <Button variant="secondary" pending={retrying} onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
