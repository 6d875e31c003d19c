import { describe, expect, it } from 'vitest';
import { detailEntries, humanizeKey } from './detail-entries.ts';

const teamId = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';

describe('humanizeKey', () => {
  it('turns field names into words, dropping the Id suffix', () => {
    expect(humanizeKey('windowStart')).toBe('Window start');
    expect(humanizeKey('teamId')).toBe('Team');
    expect(humanizeKey('unassignedPersonIds')).toBe('Unassigned persons');
    expect(humanizeKey('reason')).toBe('Reason');
  });
});

describe('detailEntries', () => {
  it('reads a deactivation in words, without bookkeeping or the when and who of the entry', () => {
    const payload = {
      id: 'ignored',
      reason: 'Left the company',
      deactivatedAt: '2026-03-02T08:00:00.000Z',
      deactivatedById: teamId,
      tokenVersion: 3,
    };
    expect(detailEntries(payload, { timeZone: 'Europe/Berlin' })).toEqual([
      { key: 'reason', label: 'Reason', value: 'Left the company' },
    ]);
  });

  it('reads a creation in a natural order, leaving out fields that were not set', () => {
    const payload = {
      id: 'x',
      role: 'TEAM_LEAD',
      lastName: 'Lead',
      firstName: 'Lena',
      phone: null,
      workDays: [],
      teamAssignedOn: '2026-03-02',
    };
    expect(detailEntries(payload).map(({ label, value }) => `${label}: ${value}`)).toEqual([
      'First name: Lena',
      'Last name: Lead',
      'Role: Team lead',
      'Team assigned on: Mon, 2 Mar 2026',
    ]);
  });

  it('lists the changes of an update as the fields themselves; empty means cleared', () => {
    const entries = detailEntries({ id: 'x', changes: { workDays: [1, 2, 3], phone: null } });
    expect(entries).toEqual([
      { key: 'changes.phone', label: 'Phone', value: 'none' },
      { key: 'changes.workDays', label: 'Work days', value: 'Mon–Wed' },
    ]);
  });

  it('names ids it knows, shortens the others, and words codes', () => {
    const names = new Map([[teamId, 'Night shift']]);
    const details = { teamId, leaderId: teamId.replace('0f', 'aa'), reason: 'team_deactivated' };
    expect(detailEntries(details, { names })).toEqual([
      { key: 'reason', label: 'Reason', value: 'Team deactivated' },
      { key: 'leaderId', label: 'Leader', value: '#aa8b8c1e' },
      { key: 'teamId', label: 'Team', value: 'Night shift' },
    ]);
    expect(detailEntries({ from: 'WORKER', to: 'SUPERVISOR', timezone: 'UTC' })).toEqual([
      { key: 'from', label: 'From', value: 'Worker' },
      { key: 'to', label: 'To', value: 'Supervisor' },
      { key: 'timezone', label: 'Timezone', value: 'UTC' },
    ]);
  });

  it('prefixes other nested objects and survives odd input', () => {
    expect(detailEntries({ inputs: { painLevel: 0, notes: 'Sore' } })).toEqual([
      { key: 'inputs.painLevel', label: 'Inputs · pain level', value: '0' },
      { key: 'inputs.notes', label: 'Inputs · notes', value: 'Sore' },
    ]);
    expect(detailEntries(null)).toEqual([]);
    expect(detailEntries(['a'])).toEqual([]);
  });

  it('shows other instants on the given clock', () => {
    expect(
      detailEntries({ expiresAt: '2026-03-02T08:00:00.000Z' }, { timeZone: 'Europe/Berlin' }),
    ).toEqual([{ key: 'expiresAt', label: 'Expires at', value: '2 Mar 2026, 09:00' }]);
  });
});
