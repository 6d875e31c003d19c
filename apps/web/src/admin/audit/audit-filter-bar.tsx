import { trpc } from '../../trpc/trpc.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import {
  auditActionLabel,
  auditActionOptions,
  auditEntityTypes,
  entityTypeLabel,
  isAuditAction,
  isEntityType,
} from '../timeline/event-wording.ts';
import type { AuditFilters } from './audit-filters.ts';

/** As many people as useKnownNames lists: the actors the log can name. */
const ACTOR_LIMIT = 100;

type AuditFilterBarProps = {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  dateError: string | null;
};

export function AuditFilterBar({ filters, onChange, dateError }: AuditFilterBarProps) {
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  // The same query as the names of entries (use-known-names), so it is fetched once.
  const people = trpc.people.list.useQuery({ limit: ACTOR_LIMIT });
  const actors = (people.data?.items ?? [])
    .map((person) => ({ id: person.id, name: `${person.firstName} ${person.lastName}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <search aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <SelectField
        label="Action"
        value={filters.action}
        onValueChange={(value) => set({ action: isAuditAction(value) ? value : '' })}
      >
        <option value="">All actions</option>
        {auditActionOptions.map((action) => (
          <option key={action} value={action}>
            {auditActionLabel(action)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Entity"
        value={filters.entityType}
        onValueChange={(value) => set({ entityType: isEntityType(value) ? value : '' })}
      >
        <option value="">All entities</option>
        {auditEntityTypes.map((type) => (
          <option key={type} value={type}>
            {entityTypeLabel(type)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Done by"
        value={filters.actorId}
        onValueChange={(actorId) => set({ actorId })}
        aria-busy={people.isPending || undefined}
      >
        <option value="">Anyone</option>
        {actors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {actor.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="From"
        type="date"
        value={filters.from}
        max={filters.to === '' ? undefined : filters.to}
        onValueChange={(from) => set({ from })}
      />
      <TextField
        label="To"
        type="date"
        value={filters.to}
        min={filters.from === '' ? undefined : filters.from}
        onValueChange={(to) => set({ to })}
        error={dateError ?? undefined}
      />
    </search>
  );
}
