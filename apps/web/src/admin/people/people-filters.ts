import type { Role } from '../../trpc/types.ts';
import type { PeopleListInput } from './people-types.ts';

export type ActiveFilter = 'all' | 'active' | 'inactive';

export type PeopleFilters = {
  search: string;
  role: Role | '';
  teamId: string;
  status: ActiveFilter;
};

export const noPeopleFilters: PeopleFilters = { search: '', role: '', teamId: '', status: 'all' };

export const PEOPLE_PAGE_SIZE = 25;

/** The list's input: empty filters are left out, so "all" asks for everyone. */
export function peopleListInput(filters: PeopleFilters): PeopleListInput {
  const search = filters.search.trim();
  return {
    limit: PEOPLE_PAGE_SIZE,
    ...(search === '' ? {} : { search }),
    ...(filters.role === '' ? {} : { role: filters.role }),
    ...(filters.teamId === '' ? {} : { teamId: filters.teamId }),
    ...(filters.status === 'all' ? {} : { active: filters.status === 'active' }),
  };
}

export function hasPeopleFilters(filters: PeopleFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.role !== '' ||
    filters.teamId !== '' ||
    filters.status !== 'all'
  );
}

export function isActiveFilter(value: string): value is ActiveFilter {
  return value === 'all' || value === 'active' || value === 'inactive';
}
