import { describe, expect, it } from 'vitest';
import { groupedTimeZones } from './time-zones.ts';

describe('groupedTimeZones', () => {
  it('groups zones by region with readable place names', () => {
    const groups = groupedTimeZones('Europe/Paris');
    const america = groups.find((group) => group.region === 'America');
    expect(america?.zones).toContainEqual({ value: 'America/New_York', label: 'New York' });
  });

  it("adds the browser's zone when the engine does not list it", () => {
    const other = groupedTimeZones('UTC').find((group) => group.region === 'Other');
    expect(other?.zones).toContainEqual({ value: 'UTC', label: 'UTC' });
  });
});
