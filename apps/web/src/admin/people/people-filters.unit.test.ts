import { describe, expect, it } from 'vitest';
import { hasPeopleFilters, noPeopleFilters, peopleListInput } from './people-filters.ts';

describe('peopleListInput', () => {
  it('asks for everyone when no filter is set', () => {
    expect(peopleListInput(noPeopleFilters)).toEqual({ limit: 25 });
    expect(hasPeopleFilters(noPeopleFilters)).toBe(false);
  });

  it('sends each filter that is set, with the search trimmed', () => {
    const filters = {
      search: '  ada ',
      role: 'WORKER',
      teamId: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      status: 'inactive',
    } as const;
    expect(peopleListInput(filters)).toEqual({
      limit: 25,
      search: 'ada',
      role: 'WORKER',
      teamId: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      active: false,
    });
    expect(hasPeopleFilters(filters)).toBe(true);
  });

  it('treats a blank search as none', () => {
    expect(peopleListInput({ ...noPeopleFilters, search: '   ', status: 'active' })).toEqual({
      limit: 25,
      active: true,
    });
  });
});
