import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { isRole, ROLES, roleLabels } from '../roles.ts';
import { TeamSelectField } from '../team-select-field.tsx';
import { isActiveFilter, type PeopleFilters } from './people-filters.ts';

type PeopleFilterBarProps = {
  filters: PeopleFilters;
  onChange: (filters: PeopleFilters) => void;
};

export function PeopleFilterBar({ filters, onChange }: PeopleFilterBarProps) {
  const set = (change: Partial<PeopleFilters>) => onChange({ ...filters, ...change });
  return (
    <search aria-label="Filter people" className="block">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <TextField
          className="col-span-2 lg:col-span-1"
          label="Search"
          type="search"
          placeholder="Name or email"
          autoComplete="off"
          value={filters.search}
          onValueChange={(search) => set({ search })}
        />
        <SelectField
          label="Role"
          value={filters.role}
          onValueChange={(role) => set({ role: isRole(role) ? role : '' })}
        >
          <option value="">All roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </SelectField>
        <TeamSelectField
          label="Team"
          emptyLabel="All teams"
          value={filters.teamId}
          onValueChange={(teamId) => set({ teamId })}
        />
        <SelectField
          label="Status"
          value={filters.status}
          onValueChange={(status) => set({ status: isActiveFilter(status) ? status : 'all' })}
        >
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </SelectField>
      </div>
    </search>
  );
}
