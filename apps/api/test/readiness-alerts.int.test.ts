import { companyKeyRing, createDb, replayCompanyEvents } from '@aegira/db';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { escalateOverdueAlerts } from '../src/services/alerts/escalate-alerts.ts';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { companyLog, useReplayTarget } from '../test-support/replay-check.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
const replayTarget = useReplayTarget();

/** 3 h sleep of quality 1, stress 10, physical 1, pain 8: RED. */
const RED_CHECK_IN = {
  hoursSlept: 3,
  sleepQuality: 1,
  stressLevel: 10,
  physicalCondition: 1,
  painLevel: 8,
  painLocation: 'lower_back' as const,
};
/** GREEN by its score, but pain 7 alerts anyway. */
const PAINFUL_GREEN = { ...GOOD_CHECK_IN, painLevel: 7, painLocation: 'knee_left' as const };
const SUBMITTED_AT = berlin('08:00');
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

async function world(options: { supervisor?: boolean } = {}) {
  const company = await companyFixture(api);
  const supervisor =
    options.supervisor === false ? null : await personFixture(api, company, 'SUPERVISOR');
  const team = await teamFixture(api, company, {
    windowStart: '06:00',
    windowEnd: '10:00',
    ...(supervisor ? { supervisorId: supervisor.id } : {}),
  });
  const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
  return { company, supervisor, team, worker };
}

async function alertRows(company: CompanyFixture) {
  const result = await owner.query<{
    id: string;
    check_in_id: string;
    lead_id: string | null;
    readiness_level: string;
    pain_level: number;
    countermeasure_count: number;
    first_countermeasure_at: Date | null;
    escalated_at: Date | null;
    escalated_to_ids: string[];
  }>(
    `SELECT id, check_in_id, lead_id, readiness_level, pain_level, countermeasure_count,
            first_countermeasure_at, escalated_at, escalated_to_ids
     FROM readiness_alerts WHERE company_id = $1 ORDER BY raised_at`,
    [company.companyId],
  );
  return result.rows;
}

async function eventTypes(company: CompanyFixture): Promise<string[]> {
  const result = await owner.query<{ type: string }>(
    `SELECT type FROM events WHERE company_id = $1 AND type IN
       ('CHECK_IN_SUBMITTED', 'CHECK_IN_UPDATED', 'READINESS_ALERT_RAISED',
        'COUNTERMEASURE_RECORDED', 'READINESS_ALERT_ESCALATED')
     ORDER BY position`,
    [company.companyId],
  );
  return result.rows.map((row) => row.type);
}

describe('raising an alert', () => {
  it('given a RED check-in, when submitted, then the lead is alerted in the same transaction', async () => {
    const { company, team, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    const checkIn = await worker.client.api.checkIn.submit(RED_CHECK_IN);
    expect(checkIn.scores.level).toBe('RED');

    expect(await eventTypes(company)).toEqual(['CHECK_IN_SUBMITTED', 'READINESS_ALERT_RAISED']);
    const txIds = await owner.query<{ tx_id: string }>(
      'SELECT DISTINCT tx_id FROM events WHERE company_id = $1 AND type IN ($2, $3)',
      [company.companyId, 'CHECK_IN_SUBMITTED', 'READINESS_ALERT_RAISED'],
    );
    expect(txIds.rowCount).toBe(1);
    expect(await alertRows(company)).toMatchObject([
      {
        check_in_id: checkIn.id,
        lead_id: team.lead.id,
        readiness_level: 'RED',
        pain_level: 8,
        countermeasure_count: 0,
        first_countermeasure_at: null,
        escalated_at: null,
      },
    ]);
  });

  it('given pain 7 with a GREEN score, then it alerts too; GREEN with pain 6 does not', async () => {
    const painful = await world();
    const fine = await world();
    fixClock(api, SUBMITTED_AT);
    const checkIn = await painful.worker.client.api.checkIn.submit(PAINFUL_GREEN);
    expect(checkIn.scores.level).toBe('GREEN');
    await fine.worker.client.api.checkIn.submit({ ...PAINFUL_GREEN, painLevel: 6 });

    expect(await alertRows(painful.company)).toMatchObject([
      { check_in_id: checkIn.id, readiness_level: 'GREEN', pain_level: 7 },
    ]);
    expect(await alertRows(fine.company)).toEqual([]);
    expect(await eventTypes(fine.company)).toEqual(['CHECK_IN_SUBMITTED']);
  });

  it('given a GREEN check-in amended to RED, then the amendment alerts once; later amendments do not again', async () => {
    const { company, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(await alertRows(company)).toEqual([]);

    fixClock(api, minutesAfter(SUBMITTED_AT, 10));
    await worker.client.api.checkIn.amend(RED_CHECK_IN);
    fixClock(api, minutesAfter(SUBMITTED_AT, 20));
    await worker.client.api.checkIn.amend({ ...RED_CHECK_IN, painLevel: 9 });
    await worker.client.api.checkIn.amend(GOOD_CHECK_IN);

    expect(await eventTypes(company)).toEqual([
      'CHECK_IN_SUBMITTED',
      'CHECK_IN_UPDATED',
      'READINESS_ALERT_RAISED',
      'CHECK_IN_UPDATED',
      'CHECK_IN_UPDATED',
    ]);
    // The alert keeps what raised it.
    expect(await alertRows(company)).toMatchObject([{ readiness_level: 'RED', pain_level: 8 }]);
  });
});

describe('recording a countermeasure', () => {
  it('given an open alert, when its lead records one, then the alert is handled and lists it', async () => {
    const { company, team, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const [open] = (await team.lead.client.api.alerts.list({ state: 'open' })).items;
    expect(open).toMatchObject({ personId: worker.id, state: 'open', countermeasures: [] });
    if (!open) throw new Error('no open alert');

    fixClock(api, minutesAfter(SUBMITTED_AT, 15));
    const handled = await team.lead.client.api.alerts.recordCountermeasure({
      alertId: open.id,
      type: 'SENT_HOME',
      note: '  Back pain; sent home to rest  ',
    });
    expect(handled).toMatchObject({
      id: open.id,
      state: 'handled',
      firstCountermeasureAt: minutesAfter(SUBMITTED_AT, 15).toISOString(),
      countermeasures: [
        { type: 'SENT_HOME', note: 'Back pain; sent home to rest', recordedById: team.lead.id },
      ],
    });
    // A second one is kept beside the first; the first time stays.
    fixClock(api, minutesAfter(SUBMITTED_AT, 30));
    const again = await team.lead.client.api.alerts.recordCountermeasure({
      alertId: open.id,
      type: 'MONITORED',
      note: 'Called at noon',
    });
    expect(again.countermeasures.map((measure) => measure.type)).toEqual([
      'SENT_HOME',
      'MONITORED',
    ]);
    expect(await alertRows(company)).toMatchObject([
      {
        countermeasure_count: 2,
        first_countermeasure_at: minutesAfter(SUBMITTED_AT, 15),
      },
    ]);
    // The worker sees their own alert and what was done.
    const own = await worker.client.api.alerts.list({});
    expect(own.items.map((item) => item.countermeasures.length)).toEqual([2]);
    expect((await team.lead.client.api.alerts.list({ state: 'open' })).items).toEqual([]);
  });

  it('lets the supervisor, WHS and an admin record one; refuses the worker and another team’s lead', async () => {
    const { company, supervisor, worker } = await world();
    const other = await teamFixture(api, company);
    const whs = await personFixture(api, company, 'WHS');
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const [alert] = (await company.admin.api.alerts.list({})).items;
    if (!alert || !supervisor) throw new Error('missing alert or supervisor');
    const measure = { alertId: alert.id, type: 'OTHER' as const, note: 'Checked in person' };

    const byWorker = await failureOf(worker.client.api.alerts.recordCountermeasure(measure));
    expect(byWorker.code).toBe('FORBIDDEN');
    const byOtherLead = await failureOf(other.lead.client.api.alerts.recordCountermeasure(measure));
    expect(byOtherLead.code).toBe('FORBIDDEN');
    expect(byOtherLead.message).toMatch(/team you do not lead or supervise/);
    // Another team's lead does not even see it.
    expect((await other.lead.client.api.alerts.list({})).items).toEqual([]);

    fixClock(api, minutesAfter(SUBMITTED_AT, 5));
    await supervisor.client.api.alerts.recordCountermeasure(measure);
    fixClock(api, minutesAfter(SUBMITTED_AT, 6));
    await whs.client.api.alerts.recordCountermeasure(measure);
    fixClock(api, minutesAfter(SUBMITTED_AT, 7));
    const last = await company.admin.api.alerts.recordCountermeasure(measure);
    expect(last.countermeasures.map((m) => m.recordedById)).toEqual([
      supervisor.id,
      whs.id,
      company.adminId,
    ]);
  });

  it('refuses a missing note, an unknown type and an unknown alert with clear errors, writing nothing', async () => {
    const { company, team, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const [alert] = (await team.lead.client.api.alerts.list({})).items;
    if (!alert) throw new Error('no alert');
    const before = await eventTypes(company);

    const blank = await failureOf(
      team.lead.client.api.alerts.recordCountermeasure({
        alertId: alert.id,
        type: 'MONITORED',
        note: '   ',
      }),
    );
    expect(blank.fieldErrors).toEqual({ note: ['is required: say what was done'] });
    const badType = await failureOf(
      team.lead.client.api.alerts.recordCountermeasure({
        alertId: alert.id,
        type: 'PRAYED' as 'OTHER',
        note: 'x',
      }),
    );
    expect(Object.keys(badType.fieldErrors ?? {})).toEqual(['type']);
    const unknown = await failureOf(
      team.lead.client.api.alerts.recordCountermeasure({
        alertId: '00000000-0000-4000-8000-000000000000',
        type: 'MONITORED',
        note: 'x',
      }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await eventTypes(company)).toEqual(before);
  });
});

describe('escalation after 60 minutes without a countermeasure', () => {
  it('given no countermeasure, then at 59 minutes nothing happens and at 60 it goes to the supervisor, once', async () => {
    const { company, supervisor, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);

    expect(
      await escalateOverdueAlerts(api.db, company.companyId, minutesAfter(SUBMITTED_AT, 59)),
    ).toBe(0);
    const due = minutesAfter(SUBMITTED_AT, 60);
    expect(await escalateOverdueAlerts(api.db, company.companyId, due)).toBe(1);
    expect(
      await escalateOverdueAlerts(api.db, company.companyId, minutesAfter(SUBMITTED_AT, 61)),
    ).toBe(0);

    expect(await alertRows(company)).toMatchObject([
      { escalated_at: due, escalated_to_ids: [supervisor?.id] },
    ]);
    const escalated = await owner.query<{ payload: unknown; actor_id: string | null }>(
      `SELECT payload, actor_id FROM events WHERE company_id = $1 AND type = 'READINESS_ALERT_ESCALATED'`,
      [company.companyId],
    );
    expect(escalated.rows).toEqual([
      {
        actor_id: null,
        payload: expect.objectContaining({
          escalatedTo: 'SUPERVISOR',
          escalatedToIds: [supervisor?.id],
          escalatedAt: due.toISOString(),
        }),
      },
    ]);
    // Whoever may read the alert sees that it escalated.
    const [seen] = (await company.admin.api.alerts.list({})).items;
    expect(seen).toMatchObject({ state: 'open', escalatedAt: due.toISOString() });
  });

  it('given a team without a supervisor, then it goes to every active WHS officer', async () => {
    const { company, worker } = await world({ supervisor: false });
    const whsA = await personFixture(api, company, 'WHS');
    const whsB = await personFixture(api, company, 'WHS');
    const gone = await personFixture(api, company, 'WHS');
    await company.admin.api.people.deactivate({ personId: gone.id, reason: 'left the company' });
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);

    await escalateOverdueAlerts(api.db, company.companyId, minutesAfter(SUBMITTED_AT, 75));

    const [row] = await alertRows(company);
    expect([...(row?.escalated_to_ids ?? [])].sort()).toEqual([whsA.id, whsB.id].sort());
    const payload = await owner.query<{ to: string }>(
      `SELECT payload->>'escalatedTo' AS to FROM events
       WHERE company_id = $1 AND type = 'READINESS_ALERT_ESCALATED'`,
      [company.companyId],
    );
    expect(payload.rows).toEqual([{ to: 'WHS' }]);
  });

  it('given a countermeasure within the hour, then it never escalates', async () => {
    const { company, team, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const [alert] = (await team.lead.client.api.alerts.list({})).items;
    if (!alert) throw new Error('no alert');
    fixClock(api, minutesAfter(SUBMITTED_AT, 59));
    await team.lead.client.api.alerts.recordCountermeasure({
      alertId: alert.id,
      type: 'LIGHTER_TASK',
      note: 'Moved to the store room',
    });

    expect(
      await escalateOverdueAlerts(api.db, company.companyId, minutesAfter(SUBMITTED_AT, 120)),
    ).toBe(0);
    expect(await alertRows(company)).toMatchObject([{ escalated_at: null }]);
  });

  it('escalates each alert exactly once when several runs race (several instances)', async () => {
    const { company, worker } = await world();
    const second = await personFixture(api, company, 'WORKER', {
      teamId:
        (
          await owner.query<{ team_id: string }>('SELECT team_id FROM persons WHERE id = $1', [
            worker.id,
          ])
        ).rows[0]?.team_id ?? null,
    });
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    await second.client.api.checkIn.submit(PAINFUL_GREEN);

    const due = minutesAfter(SUBMITTED_AT, 61);
    const counts = await Promise.all(
      Array.from({ length: 4 }, () => escalateOverdueAlerts(api.db, company.companyId, due)),
    );

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    const escalations = await owner.query<{ entity_id: string; n: string }>(
      `SELECT entity_id, count(*) AS n FROM events
       WHERE company_id = $1 AND type = 'READINESS_ALERT_ESCALATED' GROUP BY entity_id`,
      [company.companyId],
    );
    expect(escalations.rows.map((row) => row.n)).toEqual(['1', '1']);
  });
});

describe('replay', () => {
  it('rebuilds alerts and countermeasures from the log exactly as they were', async () => {
    const { company, team, worker } = await world();
    fixClock(api, SUBMITTED_AT);
    await worker.client.api.checkIn.submit(GOOD_CHECK_IN);
    fixClock(api, minutesAfter(SUBMITTED_AT, 5));
    await worker.client.api.checkIn.amend(RED_CHECK_IN);
    const [alert] = (await team.lead.client.api.alerts.list({})).items;
    if (!alert) throw new Error('no alert');
    await escalateOverdueAlerts(api.db, company.companyId, minutesAfter(SUBMITTED_AT, 70));
    fixClock(api, minutesAfter(SUBMITTED_AT, 80));
    await team.lead.client.api.alerts.recordCountermeasure({
      alertId: alert.id,
      type: 'BUDDY_SYSTEM',
      note: 'Paired with a colleague for the shift',
    });

    const events = await companyLog(owner, company.companyId);
    const target = replayTarget();
    const targetDb = createDb(target.appUrl);
    try {
      await replayCompanyEvents(targetDb, company.companyId, events, {
        keys: await companyKeyRing(owner, company.companyId),
      });
    } finally {
      await targetDb.$disconnect();
    }
    for (const table of ['readiness_alerts', 'countermeasures']) {
      const query = `SELECT * FROM ${table} WHERE company_id = $1 ORDER BY id`;
      const original = (await owner.query(query, [company.companyId])).rows;
      expect(original.length, table).toBe(1);
      expect((await target.owner.query(query, [company.companyId])).rows, table).toEqual(original);
    }
  });
});
