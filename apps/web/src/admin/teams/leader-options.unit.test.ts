import { describe, expect, it } from 'vitest';
import type { Team } from '../../team/team-types.ts';
import { leaderOptions } from './leader-options.ts';

function team(id: string, name: string, leaderId: string): Team {
  return {
    id,
    name,
    description: null,
    leader: { id: leaderId, name: 'Someone' },
    supervisor: null,
    windowStart: '06:00',
    windowEnd: '10:00',
    workDays: [1, 2, 3, 4, 5],
    isActive: true,
    deactivatedAt: null,
    deactivationReason: null,
    memberCount: 0,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    version: '00000000-0000-4000-8000-000000000001',
  };
}

const lena = { id: 'lead-lena', firstName: 'Lena', lastName: 'Lead' };
const omar = { id: 'lead-omar', firstName: 'Omar', lastName: 'Lead' };

describe('leaderOptions', () => {
  it('disables leads who already lead another active team, naming it', () => {
    const options = leaderOptions([lena, omar], [team('t1', 'Day shift', 'lead-omar')], null);
    expect(options).toEqual([
      { id: 'lead-lena', name: 'Lena Lead', note: null, disabled: false },
      { id: 'lead-omar', name: 'Omar Lead', note: 'leads Day shift', disabled: true },
    ]);
  });

  it("keeps the edited team's own lead choosable", () => {
    const options = leaderOptions([omar], [team('t1', 'Day shift', 'lead-omar')], 't1');
    expect(options[0]?.disabled).toBe(false);
  });
});
