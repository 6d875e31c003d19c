import { useSignedInUser } from '../../session/session-store.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { formatInstant } from '../format-instant.ts';
import { detailEntries } from '../timeline/detail-entries.ts';
import { EventDetails } from '../timeline/event-details.tsx';
import { auditActionLabel } from '../timeline/event-wording.ts';
import type { AuditEntry } from '../timeline/timeline-types.ts';
import { entityName } from './audit-filters.ts';
import { EntityButton } from './entity-button.tsx';
import type { EntityRef } from './entity-history-dialog.tsx';

type AuditEntriesProps = {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, string>;
  onOpenEntity: (entity: EntityRef) => void;
};

/** The audit log as a table on wide screens and as a list of cards on narrow ones. */
export function AuditEntries(props: AuditEntriesProps) {
  return (
    <>
      <AuditTable {...props} />
      <AuditCards {...props} />
    </>
  );
}

function AuditTable({ entries, names, onOpenEntity }: AuditEntriesProps) {
  const timeZone = useSignedInUser().company.timezone;
  return (
    <DataTable
      caption="Audit log, newest first"
      className="hidden md:block"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            When
          </th>
          <th scope="col" className={thClassName}>
            Action
          </th>
          <th scope="col" className={thClassName}>
            Entity
          </th>
          <th scope="col" className={thClassName}>
            By
          </th>
          <th scope="col" className={thClassName}>
            Details
          </th>
        </tr>
      }
    >
      {entries.map((entry) => (
        <tr key={entry.id} className={rowClassName}>
          <td className={`${tdClassName} whitespace-nowrap`}>
            <time dateTime={entry.createdAt}>{formatInstant(entry.createdAt, timeZone)}</time>
          </td>
          <td className={`${tdClassName} font-medium text-slate-900`}>
            {auditActionLabel(entry.action)}
          </td>
          <td className={`${tdClassName} max-w-56`}>
            <EntityButton entry={entry} name={entityName(entry, names)} onOpen={onOpenEntity} />
          </td>
          <td className={`${tdClassName} whitespace-nowrap`}>{entry.actor?.name ?? 'System'}</td>
          <td className={`${tdClassName} min-w-72`}>
            <EventDetails entries={detailEntries(entry.details, { names, timeZone })} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function AuditCards({ entries, names, onOpenEntity }: AuditEntriesProps) {
  const timeZone = useSignedInUser().company.timezone;
  return (
    <ol aria-label="Audit log, newest first" className="space-y-3 md:hidden">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <p className="text-sm">
            <span className="font-semibold text-slate-900">{auditActionLabel(entry.action)}</span>
            <span className="block text-xs text-slate-500">
              <time dateTime={entry.createdAt}>{formatInstant(entry.createdAt, timeZone)}</time> ·
              by {entry.actor?.name ?? 'the system'}
            </span>
          </p>
          <div className="text-sm">
            <EntityButton entry={entry} name={entityName(entry, names)} onOpen={onOpenEntity} />
          </div>
          <EventDetails entries={detailEntries(entry.details, { names, timeZone })} />
        </li>
      ))}
    </ol>
  );
}
