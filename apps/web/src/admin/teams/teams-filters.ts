export type TeamsFilters = { search: string; status: 'active' | 'inactive' };

export const defaultTeamsFilters: TeamsFilters = { search: '', status: 'active' };

export function teamsListInput(filters: TeamsFilters) {
  const search = filters.search.trim();
  return { active: filters.status === 'active', ...(search === '' ? {} : { search }) };
}
