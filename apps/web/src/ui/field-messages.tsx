import type { ReactNode } from 'react';

type FieldMessagesProps = {
  hint?: ReactNode;
  hintId: string;
  error: string | undefined;
  errorId: string;
};

export function FieldMessages({ hint, hintId, error, errorId }: FieldMessagesProps) {
  return (
    <>
      {hint !== undefined && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="flex gap-1.5 text-sm text-red-700">
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      )}
    </>
  );
}
