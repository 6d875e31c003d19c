import { Spinner } from './spinner.tsx';

export function FullPageLoading({ label }: { label: string }) {
  return (
    <div className="flex min-h-full items-center justify-center p-6">
      <p role="status" className="flex items-center gap-3 text-sm text-slate-600">
        <Spinner className="text-teal-700" />
        {label}
      </p>
    </div>
  );
}
