import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  event,
  executeCommand,
  LIVE_CHANNEL,
  parseLiveMessage,
  type RosterMessage,
} from '@aegira/db';
import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyDueTransfers } from '../src/services/teams/due-transfers.ts';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

// The write path announces every roster change on LIVE_CHANNEL at commit, with the team, its
// lead and its supervisor looked up as of the change (packages/db/src/live/roster-messages.ts).

const allDay = { windowStart: '00:00', windowEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] };
const RED_CHECK_IN = {
  hoursSlept: 3,
  sleepQuality: 2,
  stressLevel: 9,
  physicalCondition: 2,
  painLevel: 8,
  painLocation: 'lower_back' as const,
};

let api: TestApi;
let owner: pg.Client;
let listener: pg.Client;
let heard: RosterMessage[] = [];
let company: CompanyFixture;
let supervisorId: string;
let team: Awaited<ReturnType<typeof teamFixture>>;
let otherTeam: Awaited<ReturnType<typeof teamFixture>>;

useTestApi((handles) => {
  api = handles.api;
  owner = handles.owner;
});

beforeAll(async () => {
  listener = new pg.Client({ connectionString: api.ownerUrl });
  // The harness drops the database at the end, which ends this connection.
  listener.on('error', () => undefined);
  await listener.connect();
  await listener.query(`LISTEN ${LIVE_CHANNEL}`);
  listener.on('notification', (notification) => {
    const message = parseLiveMessage(notification.payload);
    if (message?.kind === 'roster') heard.push(message);
  });
  company = await companyFixture(api, 'UTC');
  supervisorId = (await personFixture(api, company, 'SUPERVISOR')).id;
  team = await teamFixture(api, company, { ...allDay, supervisorId });
  otherTeam = await teamFixture(api, company, allDay);
  return async () => {
    await listener.end();
  };
});

beforeEach(() => {
  heard = [];
});

/** The roster messages heard for a person, once the NOTIFYs of a commit arrived. */
async function heardFor(personId: string, count: number): Promise<RosterMessage[]> {
  const deadline = Date.now() + 3_000;
  while (heard.filter((message) => message.personId === personId).length < count) {
    if (Date.now() > deadline) break;
    await sleep(20);
  }
  await sleep(100); // nothing more should follow
  return heard.filter((message) => message.personId === personId);
}

const onTeam = (eventType: string, personId: string) => ({
  kind: 'roster',
  companyId: company.companyId,
  teamId: team.id,
  personId,
  eventType,
  leadId: team.lead.id,
  supervisorId,
});

describe('roster messages from the write path', () => {
  it('a submit and an amend announce the worker on their team, with lead and supervisor', async () => {
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await worker.client.api.checkIn.submit(GOOD_CHECK_IN);
    await worker.client.api.checkIn.amend({ ...GOOD_CHECK_IN, sleepQuality: 7 });
    expect(await heardFor(worker.id, 2)).toEqual([
      onTeam('CHECK_IN_SUBMITTED', worker.id),
      onTeam('CHECK_IN_UPDATED', worker.id),
    ]);
  });

  it('a RED check-in announces the check-in and its alert; a countermeasure and an escalation follow', async () => {
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const checkIn = await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const raised = await heardFor(worker.id, 2);
    expect(raised.map((message) => message.eventType).sort()).toEqual([
      'CHECK_IN_SUBMITTED',
      'READINESS_ALERT_RAISED',
    ]);
    const alert = await owner.query<{ id: string }>(
      'SELECT id FROM readiness_alerts WHERE check_in_id = $1',
      [checkIn.id],
    );
    const alertId = alert.rows[0]?.id ?? '';
    heard = [];
    await executeCommand(api.db, company.actor, async () => [
      event('COUNTERMEASURE_RECORDED', {
        id: randomUUID(),
        alertId,
        personId: worker.id,
        type: 'MONITORED',
        note: 'Checked on them',
        recordedById: team.lead.id,
        recordedAt: new Date().toISOString(),
      }),
      event('READINESS_ALERT_ESCALATED', {
        id: alertId,
        escalatedAt: new Date().toISOString(),
        escalatedTo: 'SUPERVISOR',
        escalatedToIds: [supervisorId],
      }),
    ]);
    // One command's messages come in no particular order.
    const followed = await heardFor(worker.id, 2);
    expect(followed).toHaveLength(2);
    expect(followed).toContainEqual(onTeam('COUNTERMEASURE_RECORDED', worker.id));
    expect(followed).toContainEqual(onTeam('READINESS_ALERT_ESCALATED', worker.id));
  });

  it("a miss, its excuse, leave and its cancellation are announced on the worker's team", async () => {
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const missId = randomUUID();
    await executeCommand(api.db, company.actor, async () => [
      event('MISSED_CHECK_IN_DETECTED', {
        id: missId,
        personId: worker.id,
        teamId: team.id,
        localDate: '2026-03-02',
        detectedAt: new Date().toISOString(),
        snapshot: null,
      }),
    ]);
    await company.admin.api.missedCheckIns.excuse({ missId, reason: 'Doctor' });
    const leave = await company.admin.api.leave.record({
      personId: worker.id,
      type: 'ANNUAL',
      startDate: '2040-01-02',
      endDate: '2040-01-03',
    });
    await company.admin.api.leave.cancel({ leaveId: leave.id });
    expect(await heardFor(worker.id, 4)).toEqual([
      onTeam('MISSED_CHECK_IN_DETECTED', worker.id),
      onTeam('MISSED_CHECK_IN_EXCUSED', worker.id),
      onTeam('LEAVE_RECORDED', worker.id),
      onTeam('LEAVE_CANCELLED', worker.id),
    ]);
  });

  it('a completed move is announced on both teams', async () => {
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const move = await company.admin.api.teams.assignMember({
      personId: worker.id,
      teamId: otherTeam.id,
    });
    heard = [];
    await applyDueTransfers(api.db, company.companyId, new Date(`${move.effectiveOn}T12:00:00Z`));
    const messages = await heardFor(worker.id, 2);
    expect(messages).toHaveLength(2);
    expect(messages).toContainEqual(onTeam('TEAM_TRANSFER_COMPLETED', worker.id));
    expect(messages).toContainEqual({
      ...onTeam('TEAM_TRANSFER_COMPLETED', worker.id),
      teamId: otherTeam.id,
      leadId: otherTeam.lead.id,
      supervisorId: null,
    });
  });

  it('an assignment to a team is announced on it; a change no roster shows is not announced', async () => {
    const worker = await personFixture(api, company, 'WORKER');
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: team.id });
    await worker.client.api.profile.update({ phone: '+49 30 5555' });
    expect(await heardFor(worker.id, 1)).toEqual([onTeam('TEAM_MEMBER_ASSIGNED', worker.id)]);
  });

  it('nothing is announced when the command rolls back', async () => {
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await expect(
      executeCommand(api.db, company.actor, async () => [
        event('CHECK_IN_SUBMITTED', {
          id: randomUUID(),
          personId: worker.id,
          teamId: team.id,
          localDate: '2026-03-03',
          inputs: { ...GOOD_CHECK_IN, painLocation: null, notes: null },
          scores: {
            formulaVersion: 1,
            hoursScore: 1,
            sleepScore: 1,
            stressScore: 1,
            physicalScore: 1,
            painScore: 1,
            readinessScore: 90,
            level: 'GREEN',
          },
          isLate: false,
          minutesLate: 0,
          submittedAt: new Date().toISOString(),
        }),
        // A second event for a person that does not exist fails the transaction.
        event('LEAVE_CANCELLED', {
          id: randomUUID(),
          cancelledById: company.adminId,
          cancelledAt: new Date().toISOString(),
        }),
      ]),
    ).rejects.toThrow();
    expect(await heardFor(worker.id, 0)).toEqual([]);
  });
});
