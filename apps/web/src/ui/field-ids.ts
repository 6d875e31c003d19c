import { useId } from 'react';

/** Ids tying a control to its hint and error, so both are read with the label. */
export function useFieldIds(hasHint: boolean, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hasHint ? hintId : null, error ? errorId : null]
    .filter((part): part is string => part !== null)
    .join(' ');
  return { id, hintId, errorId, describedBy: describedBy === '' ? undefined : describedBy };
}

export const controlClassName =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 focus:outline-none aria-invalid:ring-red-500 aria-invalid:focus:ring-red-600';
