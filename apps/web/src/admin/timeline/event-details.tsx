import type { DetailEntry } from './detail-entries.ts';

/** Label/value rows of an event or audit entry; nothing when there is nothing to add. */
export function EventDetails({ entries }: { entries: readonly DetailEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
      {entries.map((entry) => (
        <div key={entry.key} className="contents">
          <dt className="text-slate-500">{entry.label}</dt>
          <dd className="break-words text-slate-800">{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}
