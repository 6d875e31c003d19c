import { describe, expect, it } from 'vitest';
import type { WriteTx } from '../client.ts';
import type { AnyStoredEvent } from '../stored-event.ts';
import { publishRosterChanges, rosterTouches } from './roster-messages.ts';

const ids = {
  company: '00000000-0000-4000-8000-00000000000a',
  person: '00000000-0000-4000-8000-000000000001',
  from: '00000000-0000-4000-8000-000000000010',
  to: '00000000-0000-4000-8000-000000000011',
};

function stored(type: AnyStoredEvent['type'], payload: unknown): AnyStoredEvent {
  return {
    id: '00000000-0000-4000-8000-0000000000ee',
    companyId: ids.company,
    actorId: null,
    actorTokenId: null,
    type,
    entityType: 'person',
    entityId: ids.person,
    payload,
    position: 1n,
    createdAt: new Date(),
  } as AnyStoredEvent;
}

/** A transaction that counts the statements sent through it. */
function countingTx() {
  const sent: unknown[][] = [];
  const tx = {
    $executeRawUnsafe: async (...args: unknown[]) => {
      sent.push(args);
      return 0;
    },
  } as unknown as WriteTx;
  return { tx, sent };
}

describe('roster messages', () => {
  it('sends no statement at all for a command no roster shows (the hot path pays nothing)', async () => {
    const { tx, sent } = countingTx();
    await publishRosterChanges(tx, [
      stored('PERSON_UPDATED', { id: ids.person, changes: { phone: null } }),
      stored('HOLIDAY_DEACTIVATED', { id: ids.person }),
    ]);
    expect(sent).toEqual([]);
  });

  it('sends one statement for all the roster changes of a command', async () => {
    const { tx, sent } = countingTx();
    await publishRosterChanges(tx, [
      stored('TEAM_MEMBER_ASSIGNED', {
        personId: ids.person,
        teamId: ids.to,
        effectiveOn: '2026-01-01',
      }),
      stored('LEAVE_CANCELLED', { id: ids.person, cancelledById: ids.person, cancelledAt: '' }),
    ]);
    expect(sent).toHaveLength(1);
  });

  it('a completed move touches both teams; an amendment is found through its check-in', () => {
    const move = stored('TEAM_TRANSFER_COMPLETED', {
      transferId: ids.person,
      personId: ids.person,
      fromTeamId: ids.from,
      toTeamId: ids.to,
      effectiveOn: '2026-01-02',
      completedAt: '',
    });
    expect(rosterTouches(move).map((touch) => touch.teamId)).toEqual([ids.from, ids.to]);
    const amend = stored('CHECK_IN_UPDATED', { id: ids.from });
    expect(rosterTouches(amend)).toEqual([{ eventType: 'CHECK_IN_UPDATED', checkInId: ids.from }]);
  });
});
