import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  type EventType,
  entityOf,
  SAMPLE_EVENT_PAYLOADS,
} from '@aegira/events';
import { describe, expect, it } from 'vitest';
import type { WriteTx } from '../client.ts';
import type { AnyStoredEvent } from '../stored-event.ts';
import { deriveNotifications } from './derive-notifications.ts';
import { draftsOf, NOTIFICATION_PRODUCERS } from './producers/index.ts';

const companyId = randomUUID();

function sample(type: EventType): AnyStoredEvent {
  const payload = SAMPLE_EVENT_PAYLOADS[type][EVENT_SCHEMA_VERSION[type]];
  return {
    id: randomUUID(),
    companyId,
    actorId: null,
    actorTokenId: null,
    type,
    ...entityOf(type, payload as never),
    payload,
    position: 1n,
    createdAt: new Date('2026-11-27T09:00:00Z'),
  } as AnyStoredEvent;
}

/** A transaction that records the statements sent to it and answers with no rows. */
function recordingTx() {
  const statements: unknown[][] = [];
  const tx = {
    $queryRawUnsafe: async (...args: unknown[]) => {
      statements.push(args);
      return [];
    },
  };
  return { tx: tx as unknown as WriteTx, statements };
}

describe('deriveNotifications', () => {
  const silent = EVENT_TYPES.filter((type) => !NOTIFICATION_PRODUCERS[type]);

  it('sends nothing to the database for events that cause no notification (a check-in, most changes)', async () => {
    expect(silent).toContain('CHECK_IN_SUBMITTED');
    expect(silent).toContain('CHECK_IN_UPDATED');
    const { tx, statements } = recordingTx();
    expect(await deriveNotifications(tx, silent.map(sample))).toEqual([]);
    expect(statements).toHaveLength(0);
  });

  it('stores a batch of notifying events in one statement, whatever their number', async () => {
    const notifying = EVENT_TYPES.filter((type) => NOTIFICATION_PRODUCERS[type]).map(sample);
    const { tx, statements } = recordingTx();
    await deriveNotifications(tx, [...notifying, ...notifying, sample('CHECK_IN_SUBMITTED')]);
    expect(statements).toHaveLength(1);
  });

  it('never copies health data or notes into a notification', () => {
    const alert = sample('READINESS_ALERT_RAISED');
    const leave = sample('LEAVE_RECORDED');
    if (leave.type !== 'LEAVE_RECORDED') throw new Error('sample type');
    const recordedByOther = { ...leave, payload: { ...leave.payload, recordedById: randomUUID() } };
    const drafts = [...draftsOf(alert), ...draftsOf(recordedByOther)];
    expect(drafts.map((draft) => draft.kind)).toEqual(['READINESS_ALERT', 'LEAVE_RECORDED']);
    for (const draft of drafts) {
      expect(Object.keys(draft.data)).not.toContain('painLevel');
      expect(Object.keys(draft.data)).not.toContain('note');
    }
  });

  it('groups a team’s misses of a day to its lead, and tells each worker on their own', () => {
    const miss = sample('MISSED_CHECK_IN_DETECTED');
    if (miss.type !== 'MISSED_CHECK_IN_DETECTED') throw new Error('sample type');
    const [worker, lead] = draftsOf(miss);
    expect(worker?.recipient).toEqual({ personId: miss.payload.personId });
    expect(worker?.groupKey).toBe(`event:${miss.id}`);
    expect(lead?.groupKey).toBe(`team-misses:${miss.payload.teamId}:${miss.payload.localDate}`);
    expect(lead?.subjectId).toBe(miss.payload.personId);
    // Without a snapshot the lead is the team's as of the detection, read from team_versions.
    const old = { ...miss, payload: { ...miss.payload, snapshot: null } };
    expect(draftsOf(old)[1]?.recipient).toEqual({ leadOfTeam: miss.payload.teamId });
  });
});
