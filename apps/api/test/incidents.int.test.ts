import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  failureOf,
  type TestApi,
  type TestClient,
  useTestApi,
} from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { reportInput } from '../test-support/incident-matrix.ts';
import { companyLog, replayAndCompare, useReplayTarget } from '../test-support/replay-check.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
const replayTarget = useReplayTarget();

const NOW = berlin('09:00');

async function world(timezone = 'Europe/Berlin') {
  fixClock(api, NOW);
  const company = await companyFixture(api, timezone);
  const team = await teamFixture(api, company, { windowStart: '06:00', windowEnd: '10:00' });
  const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
  const whs = await personFixture(api, company, 'WHS');
  const whs2 = await personFixture(api, company, 'WHS');
  return { company, team, worker, whs, whs2 };
}

const report = (client: TestClient, overrides: Partial<ReturnType<typeof reportInput>> = {}) =>
  client.api.incidents.report({
    ...reportInput(),
    occurredAt: new Date(NOW.getTime() - 2 * 3_600_000).toISOString(),
    ...overrides,
  });

async function sequenceRow(company: CompanyFixture) {
  const result = await owner.query<{ last_incident_number: number; last_case_number: number }>(
    'SELECT last_incident_number, last_case_number FROM record_sequences WHERE company_id = $1',
    [company.companyId],
  );
  return result.rows[0];
}

async function kinds(client: TestClient) {
  return (await client.api.notifications.list({ filter: 'all' })).items;
}

describe('reporting and numbering', () => {
  it('given a report, then it is INC-<company year>-1, PENDING, and every other WHS officer is told by number only', async () => {
    const { company, worker, whs, whs2 } = await world();
    const reported = await report(worker.client, { title: 'Secret title ABC' });
    expect(reported).toMatchObject({ reference: 'INC-2026-1', status: 'PENDING', case: null });
    expect(await sequenceRow(company)).toEqual({ last_incident_number: 1, last_case_number: 0 });
    for (const officer of [whs, whs2]) {
      const [note] = await kinds(officer.client);
      expect(note).toMatchObject({ kind: 'INCIDENT_REPORTED', title: 'New incident INC-2026-1' });
      expect(JSON.stringify(note)).not.toContain('Secret title ABC');
    }
  });

  it('given New Year’s Eve 23:30 UTC, then a Sydney company numbers it in the new year', async () => {
    const company = await companyFixture(api, 'Australia/Sydney');
    const worker = await personFixture(api, company, 'WORKER');
    fixClock(api, new Date('2026-12-31T23:30:00.000Z'));
    const reported = await worker.client.api.incidents.report({
      ...reportInput(),
      occurredAt: '2026-12-31T22:00:00.000Z',
    });
    fixClock(api, NOW);
    expect(reported.reference).toBe('INC-2027-1');
  });

  it('given 50 concurrent reports in one company, then they get 1…50: no gaps, no duplicates', async () => {
    const { company, worker } = await world();
    const results = await Promise.all(Array.from({ length: 50 }, () => report(worker.client)));
    const numbers = results.map((result) => result.number).sort((a, b) => a - b);
    console.log(`50 concurrent reports received: ${results.map((r) => r.number).join(',')}`);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(await sequenceRow(company)).toEqual({ last_incident_number: 50, last_case_number: 0 });
  });

  it('refuses a future time, an empty title and a stranger involved, field by field, and records nothing', async () => {
    const { company, worker } = await world();
    const future = await failureOf(
      report(worker.client, { occurredAt: new Date(NOW.getTime() + 3_600_000).toISOString() }),
    );
    expect(future.fieldErrors).toEqual({ occurredAt: ['cannot be in the future'] });
    const empty = await failureOf(report(worker.client, { title: '   ' }));
    expect(empty.fieldErrors?.title?.[0]).toMatch(/required/);
    const stranger = await failureOf(
      report(worker.client, { peopleInvolvedIds: ['7b0c1f0e-6c1d-4a4f-9d0b-3b8f2a1c9e01'] }),
    );
    expect(stranger.fieldErrors).toEqual({ peopleInvolvedIds: ['must be people of your company'] });
    expect(await sequenceRow(company)).toBeUndefined();
  });
});

describe('review', () => {
  it('given two officers approving at once, then one wins and the other gets CONFLICT', async () => {
    const { company, worker, whs, whs2 } = await world();
    const { id } = await report(worker.client);
    const outcomes = await Promise.allSettled([
      whs.client.api.incidents.approve({ incidentId: id }),
      whs2.client.api.incidents.reject({
        incidentId: id,
        reason: 'DUPLICATE',
        explanation: 'Same as the other one',
      }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(await failureOf(Promise.reject(lost?.reason))).toMatchObject({ code: 'CONFLICT' });
    const cases = await owner.query('SELECT id FROM cases WHERE company_id = $1', [
      company.companyId,
    ]);
    expect(cases.rowCount).toBeLessThanOrEqual(1);
  });

  it('given a WHS officer’s own report, then they cannot review it; another officer can', async () => {
    const { whs, whs2 } = await world();
    const { id } = await report(whs.client);
    expect(await failureOf(whs.client.api.incidents.approve({ incidentId: id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await whs2.client.api.incidents.approve({ incidentId: id });
    expect(approved.status).toBe('APPROVED');
  });

  it('given a rejected report, then it cannot be approved or rejected again (CONFLICT)', async () => {
    const { worker, whs } = await world();
    const { id } = await report(worker.client);
    const rejected = await whs.client.api.incidents.reject({
      incidentId: id,
      reason: 'NOT_WORK_RELATED',
      explanation: 'Happened at home',
    });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'NOT_WORK_RELATED' });
    expect(await failureOf(whs.client.api.incidents.approve({ incidentId: id }))).toMatchObject({
      code: 'CONFLICT',
    });
    const [told] = await kinds(worker.client);
    expect(told).toMatchObject({
      kind: 'INCIDENT_REJECTED',
      title: 'Incident INC-2026-1 was rejected',
    });
  });

  it('refuses an assignee who is not a WHS officer, with the field named', async () => {
    const { worker, whs } = await world();
    const { id } = await report(worker.client);
    const failure = await failureOf(
      whs.client.api.incidents.approve({ incidentId: id, assigneeId: worker.id }),
    );
    expect(failure.fieldErrors).toEqual({
      assigneeId: ['must be an active WHS officer of your company'],
    });
  });

  it('given a WHS-scope API token (it acts as the issuing admin), then approval names a WHS officer to assign', async () => {
    const { company, worker, whs } = await world();
    const { id } = await report(worker.client);
    const { token } = await company.admin.api.apiTokens.create({ name: 'WHS sync', scope: 'WHS' });
    const integration = api.client();
    integration.bearer = token;
    const unnamed = await failureOf(integration.api.incidents.approve({ incidentId: id }));
    expect(unnamed.fieldErrors).toEqual({
      assigneeId: ['must be an active WHS officer of your company'],
    });
    const approved = await integration.api.incidents.approve({
      incidentId: id,
      assigneeId: whs.id,
    });
    expect(approved.case?.assignee).toMatchObject({ id: whs.id });
  });
});

describe('a case from report to closed', () => {
  it('runs the whole pipeline: events, notifications, notes, readiness context, timeline, replay', async () => {
    const { company, team, worker, whs, whs2 } = await world();
    const colleague = await personFixture(api, company, 'WORKER', { teamId: team.id });
    // A check-in a week before the incident (a Friday), inside the 14-day context.
    fixClock(api, berlin('08:00', '2026-11-20'));
    await worker.client.api.checkIn.submit(GOOD_CHECK_IN);
    fixClock(api, NOW);
    const reported = await report(worker.client, {
      severity: 'HIGH',
      type: 'INJURY',
      title: 'Cut hand on a guard',
      peopleInvolvedIds: [colleague.id],
    });
    // Approved by one officer and assigned to the other: the assignee is told.
    const approved = await whs.client.api.incidents.approve({
      incidentId: reported.id,
      assigneeId: whs2.id,
    });
    const caseId = approved.case?.id ?? '';
    expect(approved.case).toMatchObject({ reference: 'CASE-2026-1', status: 'OPEN' });
    expect((await kinds(whs2.client)).map((n) => n.kind)).toContain('CASE_ASSIGNED');
    expect((await kinds(worker.client))[0]).toMatchObject({
      kind: 'INCIDENT_APPROVED',
      title: 'Incident INC-2026-1 was approved',
    });

    const cases = whs2.client.api.cases;
    await cases.transition({ caseId, to: 'INVESTIGATING' });
    await cases.addNote({ caseId, text: 'Guard was missing its cover' });
    await cases.addNote({ caseId, text: 'Cover refitted' });
    await cases.reassign({ caseId, assigneeId: whs.id });
    const noSummary = await failureOf(cases.transition({ caseId, to: 'RESOLVED' }));
    expect(noSummary.fieldErrors).toEqual({
      resolutionSummary: ['is required: summarise how the case was resolved'],
    });
    await whs.client.api.cases.transition({
      caseId,
      to: 'RESOLVED',
      resolutionSummary: 'Cover refitted, guards checked weekly',
    });
    expect((await kinds(worker.client))[0]).toMatchObject({ kind: 'CASE_RESOLVED' });
    const reopenBare = await failureOf(
      whs.client.api.cases.transition({ caseId, to: 'INVESTIGATING' }),
    );
    expect(reopenBare.fieldErrors).toEqual({
      reason: ['is required: say why the resolved case is reopened'],
    });
    await whs.client.api.cases.transition({ caseId, to: 'INVESTIGATING', reason: 'Cut again' });
    await whs.client.api.cases.transition({
      caseId,
      to: 'RESOLVED',
      resolutionSummary: 'Guard replaced',
    });
    const closed = await whs.client.api.cases.transition({ caseId, to: 'CLOSED' });
    expect(closed).toMatchObject({ status: 'CLOSED', nextStatuses: [] });
    expect(
      await failureOf(
        whs.client.api.cases.transition({ caseId, to: 'INVESTIGATING', reason: 'x' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });

    // The thread, in order, and the 14 days before the incident for both people.
    expect(closed.notes.map((note) => note.text)).toEqual([
      'Guard was missing its cover',
      'Cover refitted',
    ]);
    expect(closed.readiness).toMatchObject({ from: '2026-11-13', to: '2026-11-26' });
    const [reporterDays, colleagueDays] = closed.readiness.people;
    expect(reporterDays).toMatchObject({ personId: worker.id, reporter: true });
    expect(reporterDays?.days).toHaveLength(14);
    expect(reporterDays?.days.find((day) => day.localDate === '2026-11-20')).toMatchObject({
      readinessLevel: 'GREEN',
      missed: false,
    });
    expect(colleagueDays).toMatchObject({ personId: colleague.id, reporter: false });

    // The timeline, from the events, in company time.
    const types = closed.timeline.map((entry) => entry.type);
    console.log(`Events of one incident to a closed case: ${types.join(', ')}`);
    expect(types).toEqual([
      'INCIDENT_REPORTED',
      'INCIDENT_APPROVED',
      'CASE_OPENED',
      'CASE_STATUS_CHANGED',
      'CASE_NOTE_ADDED',
      'CASE_NOTE_ADDED',
      'CASE_REASSIGNED',
      'CASE_STATUS_CHANGED',
      'CASE_STATUS_CHANGED',
      'CASE_STATUS_CHANGED',
      'CASE_STATUS_CHANGED',
    ]);
    expect(closed.timeline[0]?.localTime).toBe('2026-11-27 09:00');

    // The reporter sees the outcome of their own report.
    const mine = await worker.client.api.incidents.listMine({});
    expect(mine.items[0]).toMatchObject({
      reference: 'INC-2026-1',
      status: 'APPROVED',
      case: { status: 'CLOSED' },
    });

    // Replay rebuilds incidents, cases, notes and the sequence, row for row.
    const { tables } = await replayAndCompare(owner, replayTarget(), company.companyId);
    for (const { table, original, replayed } of tables) expect(replayed, table).toEqual(original);
    const counted = Object.fromEntries(tables.map((t) => [t.table, t.original.length]));
    expect(counted).toMatchObject({ incidents: 1, cases: 1, case_notes: 2, record_sequences: 1 });
    expect((await companyLog(owner, company.companyId)).length).toBeGreaterThan(11);
  });
});

describe('access', () => {
  it('lets WHS filter and count; keeps content from admins, other reporters and another company’s WHS', async () => {
    const { company, team, worker, whs } = await world();
    const other = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const low = await report(worker.client, { title: 'Loose cable by the door' });
    await report(other.client, { severity: 'CRITICAL', type: 'HAZARD', title: 'Gas smell' });
    await whs.client.api.incidents.approve({ incidentId: low.id });

    const critical = await whs.client.api.incidents.list({ severity: 'CRITICAL' });
    expect(critical.items.map((item) => item.title)).toEqual(['Gas smell']);
    expect(critical.counts).toEqual({ PENDING: 1, APPROVED: 0, REJECTED: 0 });
    const searched = await whs.client.api.incidents.list({ search: 'cable' });
    expect(searched.items.map((item) => item.id)).toEqual([low.id]);
    expect((await whs.client.api.incidents.list({ search: 'INC-2026-1' })).items).toHaveLength(1);
    expect((await whs.client.api.incidents.list({})).counts).toEqual({
      PENDING: 1,
      APPROVED: 1,
      REJECTED: 0,
    });

    // Admin: counts, not content; the event history hides what happened.
    expect(await company.admin.api.incidents.counts()).toMatchObject({
      incidents: { PENDING: 1, APPROVED: 1 },
      cases: { OPEN: 1 },
    });
    expect(await failureOf(company.admin.api.incidents.get({ incidentId: low.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failureOf(company.admin.api.incidents.list({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const forAdmin = await company.admin.api.events.forEntity({
      entityType: 'incident',
      entityId: low.id,
    });
    const reportedForAdmin = forAdmin.items.find((item) => item.type === 'INCIDENT_REPORTED');
    expect(reportedForAdmin?.payload).toMatchObject({ title: '[redacted]', severity: 'LOW' });

    // Another reporter does not find it; another company's WHS finds nothing.
    expect(await failureOf(other.client.api.incidents.get({ incidentId: low.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const foreign = await companyFixture(api);
    const foreignWhs = await personFixture(api, foreign, 'WHS');
    const caseId = (await worker.client.api.incidents.get({ incidentId: low.id })).case?.id ?? '';
    const foreignCalls = [
      () => foreignWhs.client.api.incidents.get({ incidentId: low.id }),
      () => foreignWhs.client.api.incidents.approve({ incidentId: low.id }),
      () => foreignWhs.client.api.cases.get({ caseId }),
      () => foreignWhs.client.api.cases.addNote({ caseId, text: 'x' }),
      () => foreignWhs.client.api.cases.transition({ caseId, to: 'CLOSED' }),
    ];
    for (const call of foreignCalls) {
      expect(await failureOf(call())).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await foreignWhs.client.api.incidents.list({})).items).toEqual([]);
  });
});

describe('WHS dashboard', () => {
  it('orders pending reports most severe then oldest first, and counts my cases, states and this month', async () => {
    const { worker, whs, whs2 } = await world();
    fixClock(api, berlin('07:00'));
    const oldLow = await report(worker.client, { severity: 'LOW', title: 'Old low' });
    fixClock(api, berlin('07:30'));
    const critical = await report(worker.client, { severity: 'CRITICAL', title: 'Critical' });
    const toApprove = await report(worker.client, { severity: 'HIGH', title: 'Approved one' });
    fixClock(api, NOW);
    const newLow = await report(worker.client, { severity: 'LOW', title: 'New low' });
    const approved = await whs2.client.api.incidents.approve({
      incidentId: toApprove.id,
      assigneeId: whs.id,
    });
    await whs.client.api.cases.transition({ caseId: approved.case?.id ?? '', to: 'INVESTIGATING' });

    const dashboard = await whs.client.api.incidents.dashboard();
    expect(dashboard.pending.map((incident) => incident.id)).toEqual([
      critical.id,
      oldLow.id,
      newLow.id,
    ]);
    expect(dashboard.pendingCount).toBe(3);
    expect(dashboard.myOpenCases.map((one) => one.status)).toEqual(['INVESTIGATING']);
    expect(dashboard.casesByState).toEqual({ OPEN: 0, INVESTIGATING: 1, RESOLVED: 0, CLOSED: 0 });
    expect(dashboard.resolvedThisMonth).toBe(0);
    expect(dashboard.recentActivity[0]?.type).toBe('CASE_STATUS_CHANGED');
    expect((await whs2.client.api.incidents.dashboard()).myOpenCases).toEqual([]);
  });
});

describe('WHS analytics', () => {
  it('counts the period’s reports by day and state, type, severity and team, with review and resolve times', async () => {
    const { team, worker, whs } = await world();
    const at = (hhmm: string, date: string) => berlin(hhmm, date);
    fixClock(api, at('08:00', '2026-11-24'));
    const first = await report(worker.client, {
      type: 'INJURY',
      severity: 'HIGH',
      occurredAt: at('07:00', '2026-11-24').toISOString(),
    });
    fixClock(api, at('10:00', '2026-11-24'));
    const approved = await whs.client.api.incidents.approve({ incidentId: first.id });
    const caseId = approved.case?.id ?? '';
    await whs.client.api.cases.transition({ caseId, to: 'INVESTIGATING' });
    fixClock(api, at('08:00', '2026-11-25'));
    await whs.client.api.cases.transition({ caseId, to: 'RESOLVED', resolutionSummary: 'Fixed' });
    fixClock(api, at('08:00', '2026-11-26'));
    const second = await report(worker.client, {
      occurredAt: at('07:00', '2026-11-26').toISOString(),
    });
    fixClock(api, at('09:00', '2026-11-26'));
    await whs.client.api.incidents.reject({
      incidentId: second.id,
      reason: 'DUPLICATE',
      explanation: 'Same as the other',
    });
    fixClock(api, NOW);
    await report(worker.client);
    // Reported 40 days ago: outside 7 and 30 days.
    fixClock(api, at('08:00', '2026-10-18'));
    await report(worker.client, { occurredAt: at('07:00', '2026-10-18').toISOString() });
    fixClock(api, NOW);

    const week = await whs.client.api.incidents.analytics({ days: 7 });
    expect(week).toMatchObject({ from: '2026-11-21', to: '2026-11-27', total: 3 });
    expect(week.perDay.find((day) => day.date === '2026-11-24')).toEqual({
      date: '2026-11-24',
      PENDING: 0,
      APPROVED: 1,
      REJECTED: 0,
    });
    expect(week.perDay.find((day) => day.date === '2026-11-27')).toMatchObject({ PENDING: 1 });
    expect(week.byType.find((row) => row.type === 'INJURY')?.count).toBe(1);
    expect(week.bySeverity.find((row) => row.severity === 'LOW')?.count).toBe(2);
    expect(week.byTeam).toEqual([{ teamId: team.id, teamName: expect.any(String), count: 3 }]);
    // Reviews took 2 h and 1 h; the case resolved 24 h after its report.
    expect(week.averageHoursToReview).toBe(1.5);
    expect(week.averageHoursToResolve).toBe(24);
    expect(week.approvalRate).toBe(0.5);
    expect((await whs.client.api.incidents.analytics({ days: 90 })).total).toBe(4);
    expect(await failureOf(worker.client.api.incidents.analytics({ days: 7 }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
