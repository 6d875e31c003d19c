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

type AuditFilterBarProps = {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  dateError: string | null;
};

export function AuditFilterBar({ filters, onChange, dateError }: AuditFilterBarProps) {
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  return (
    <search aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
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
