import { entityTypeLabel, isEntityType } from '../timeline/event-wording.ts';
import type { AuditEntry } from '../timeline/timeline-types.ts';
import type { EntityRef } from './entity-history-dialog.tsx';

/** The entity of an audit entry: its kind, and its name as the button that opens its history. */
export function EntityButton({
  entry,
  name,
  onOpen,
}: {
  entry: AuditEntry;
  name: string;
  onOpen: (entity: EntityRef) => void;
}) {
  const type = entry.entityType;
  return (
    <>
      <span className="block text-xs text-slate-500">{entityTypeLabel(type)}</span>
      {isEntityType(type) ? (
        <button
          type="button"
          onClick={() => onOpen({ type, id: entry.entityId, name })}
          aria-haspopup="dialog"
          className="rounded-sm text-left font-medium break-all text-teal-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          {name}
          <span className="sr-only">: show its history</span>
        </button>
      ) : (
        <span className="font-medium break-all text-slate-900">{name}</span>
      )}
    </>
  );
}
