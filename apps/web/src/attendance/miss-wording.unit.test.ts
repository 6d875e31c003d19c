import { describe, expect, it } from 'vitest';
import type { Miss } from './attendance-types.ts';
import { describeSnapshot, isMissState, missOutcome } from './miss-wording.ts';

const lead = '3f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';

const open: Miss = {
  id: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
  personId: '1f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
  personName: 'Wanda Tester',
  teamId: '2f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
  teamName: 'Day shift',
  localDate: '2026-03-02',
  state: 'open',
  detectedAt: '2026-03-02T09:06:00.000Z',
  resolvedAt: null,
  resolvedByCheckInId: null,
  excusedAt: null,
  excusedById: null,
  excuseReason: null,
  snapshot: {
    windowStart: '06:00',
    windowEnd: '10:00',
    leadId: lead,
    streakBefore: 1,
    missesLast30Days: 2,
  },
};

describe('describeSnapshot', () => {
  it('says what was true when the miss was recorded', () => {
    expect(describeSnapshot(open.snapshot)).toEqual([
      'Window 06:00–10:00',
      'Streak before: 1 day',
      'Misses in the 30 days before: 2',
    ]);
  });

  it('does not invent figures for a miss recorded without a snapshot', () => {
    expect(describeSnapshot(null)).toEqual(['No snapshot kept']);
  });
});

describe('missOutcome', () => {
  const names = (id: string) => (id === lead ? 'Lena Tester' : null);

  it('says nothing more of an open miss', () => {
    expect(missOutcome(open, 'Europe/Berlin', names)).toBeNull();
  });

  it('says when the late check-in came, on the company clock', () => {
    const resolved: Miss = { ...open, state: 'resolved', resolvedAt: '2026-03-02T10:30:00.000Z' };
    expect(missOutcome(resolved, 'Europe/Berlin', names)).toBe(
      'Checked in late, 2 Mar 2026, 11:30',
    );
  });

  it('says when and by whom a miss was excused, when the name is known', () => {
    const excused: Miss = {
      ...open,
      state: 'excused',
      excusedAt: '2026-03-02T12:00:00.000Z',
      excusedById: lead,
      excuseReason: 'Doctor’s appointment',
    };
    expect(missOutcome(excused, 'UTC', names)).toBe('Excused 2 Mar 2026, 12:00 by Lena Tester');
    expect(missOutcome({ ...excused, excusedById: open.personId }, 'UTC', names)).toBe(
      'Excused 2 Mar 2026, 12:00',
    );
  });
});

describe('isMissState', () => {
  it('accepts the three states only', () => {
    expect(isMissState('excused')).toBe(true);
    expect(isMissState('')).toBe(false);
    expect(isMissState('missed')).toBe(false);
  });
});
