import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dateColumn, event, withTenant } from '@aegira/db';
import { computeReadiness } from '@aegira/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { EXPORT_PATHS } from '../src/http/analytics-export.ts';
import { companyAnalytics } from '../src/services/analytics/company-analytics.ts';
import { teamAnalytics } from '../src/services/analytics/team-analytics.ts';
import { workerHistory } from '../src/services/analytics/worker-history.ts';
import { supervisorOverview } from '../src/services/dashboards/supervisor-overview.ts';
import { teamDashboard } from '../src/services/dashboards/team-dashboard.ts';
import { workerDashboard } from '../src/services/dashboards/worker-dashboard.ts';
import { workforceOverview } from '../src/services/dashboards/workforce-overview.ts';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { type CompanyFixture, companyFixture, teamFixture } from '../test-support/fixtures.ts';
import {
  actorOf,
  appendAt,
  berlinAt,
  checkInSubmitted,
  personCreated,
  teamCreated,
} from '../test-support/history-world.ts';

let api: TestApi;
useTestApi((ready) => {
  ({ api } = ready);
});

// A hand-built history in Berlin (team window 06:00–09:00, Monday–Friday), judged on
// Friday 2026-11-27 at 12:00 (today's window has closed):
// - team A (supervised by S) created Tuesday 2026-11-10 with W1 and W2 (assigned that day);
//   team B with W3, whose name a spreadsheet would run as a formula;
// - Thursday 11-19 a holiday; 11-21/22 a weekend;
// - W3 moves from B to A, effective Friday 11-20 (requested 11-18, still pending: due counts as done);
// - W2 on leave Monday–Tuesday 11-23/24 (checks in on the 24th anyway), misses 11-17 and 11-26;
// - W1 checks in every work day, late on 11-25, and amends 11-26 to a RED check-in.
const NOW = berlinAt('2026-11-27', '12:00');
const AMENDED_INPUTS = {
  hoursSlept: 4,
  sleepQuality: 2,
  stressLevel: 9,
  physicalCondition: 3,
  painLevel: 8,
  painLocation: 'lower_back',
  notes: null,
};
const AMENDED = computeReadiness(AMENDED_INPUTS);
const GOOD = 86;

interface History {
  company: CompanyFixture;
  teamA: string;
  teamB: string;
  supervisor: string;
  leadA: string;
  leadB: string;
  w1: string;
  w2: string;
  w3: string;
  unassigned: string;
}

async function buildHistory(): Promise<History> {
  const company = await companyFixture(api);
  const setUp = berlinAt('2026-11-10', '12:00');
  const supervisor = personCreated('SUPERVISOR', null, null);
  const leadA = personCreated('TEAM_LEAD', null, null);
  const leadB = personCreated('TEAM_LEAD', null, null);
  const teamA = teamCreated(leadA.payload.id, supervisor.payload.id);
  const teamB = teamCreated(leadB.payload.id, null, `=HYPERLINK("x") ${randomUUID().slice(0, 4)}`);
  const a = teamA.payload.id;
  const b = teamB.payload.id;
  const w1 = personCreated('WORKER', a, '2026-11-10');
  const w2 = personCreated('WORKER', a, '2026-11-10');
  const w3 = personCreated('WORKER', b, '2026-11-10');
  // A worker nobody assigned: the workforce overview lists them.
  const unassigned = personCreated('WORKER', null, null);
  await appendAt(api, company, setUp, [
    supervisor,
    leadA,
    leadB,
    teamA,
    teamB,
    w1,
    w2,
    w3,
    unassigned,
  ]);
  await appendAt(api, company, setUp, [
    event('HOLIDAY_CREATED', {
      id: randomUUID(),
      date: '2026-11-19',
      name: 'Local',
      recurring: false,
    }),
  ]);
  const [id1, id2, id3] = [w1.payload.id, w2.payload.id, w3.payload.id];

  const checkIn = (person: string, team: string, date: string, hhmm = '07:00') =>
    appendAt(api, company, berlinAt(date, hhmm), [checkInSubmitted(person, team, date, { hhmm })]);
  for (const date of ['11-11', '11-12', '11-13', '11-16', '11-17', '11-18']) {
    await checkIn(id1, a, `2026-${date}`);
    if (date !== '11-17') await checkIn(id2, a, `2026-${date}`);
    await checkIn(id3, b, `2026-${date}`);
  }
  await appendAt(api, company, berlinAt('2026-11-18', '12:00'), [
    event('TEAM_TRANSFER_INITIATED', {
      transferId: randomUUID(),
      personId: id3,
      fromTeamId: b,
      toTeamId: a,
      effectiveOn: '2026-11-20',
    }),
  ]);
  await checkIn(id1, a, '2026-11-20');
  await checkIn(id2, a, '2026-11-20');
  await appendAt(api, company, berlinAt('2026-11-20', '12:00'), [
    event('LEAVE_RECORDED', {
      id: randomUUID(),
      personId: id2,
      type: 'ANNUAL',
      startDate: '2026-11-23',
      endDate: '2026-11-24',
      note: null,
      recordedById: leadA.payload.id,
    }),
  ]);
  for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) {
    await checkIn(id1, a, date, date === '2026-11-25' ? '09:30' : '07:00');
    await checkIn(id3, a, date);
  }
  await checkIn(id2, a, '2026-11-24');
  await checkIn(id2, a, '2026-11-25');
  // W1 amends 11-26 (the latest version counts).
  await appendAt(api, company, berlinAt('2026-11-26', '08:00'), [
    event('CHECK_IN_UPDATED', {
      id: await checkInIdOf(company, id1, '2026-11-26'),
      version: 2,
      inputs: { ...AMENDED_INPUTS },
      scores: AMENDED,
      amendedAt: berlinAt('2026-11-26', '08:00').toISOString(),
    }),
  ]);
  await appendAt(api, company, berlinAt('2026-11-26', '09:06'), [
    event('MISSED_CHECK_IN_DETECTED', {
      id: randomUUID(),
      personId: id2,
      teamId: a,
      localDate: '2026-11-26',
      detectedAt: berlinAt('2026-11-26', '09:06').toISOString(),
      snapshot: null,
    }),
  ]);
  await checkIn(id1, a, '2026-11-27');
  await checkIn(id2, a, '2026-11-27');
  return {
    company,
    teamA: a,
    teamB: b,
    supervisor: supervisor.payload.id,
    leadA: leadA.payload.id,
    leadB: leadB.payload.id,
    w1: id1,
    w2: id2,
    w3: id3,
    unassigned: unassigned.payload.id,
  };
}

async function checkInIdOf(company: CompanyFixture, personId: string, date: string) {
  return withTenant(api.db, company.companyId, async (read) => {
    const row = await read.checkIn.findFirstOrThrow({
      where: { personId, localDate: dateColumn(date) },
    });
    return row.id;
  });
}

let h: History;
const deps = () => ({ db: api.db, now: () => NOW });

describe('dashboards and analytics on a hand-built history', () => {
  beforeAll(async () => {
    h = await buildHistory();
  }, 60_000);

  it('team analytics: a team created mid-period starts on its first day; holiday, weekend, leave, move day and late check-ins follow product.md', async () => {
    const result = await teamAnalytics(deps(), actorOf(h.company, h.leadA, 'TEAM_LEAD'), {
      teamId: h.teamA,
      days: 30,
    });
    expect(result.from).toBe('2026-11-10');
    expect(result.to).toBe('2026-11-27');
    expect(result.days).toHaveLength(18);
    const day = (date: string) => result.days.find((d) => d.date === date);
    // Assignment day: not expected yet.
    expect(day('2026-11-10')).toMatchObject({ expected: 0, compliance: null });
    expect(day('2026-11-17')).toMatchObject({ expected: 2, submitted: 1, compliance: 50 });
    // Holiday and weekend: nobody expected, left out of compliance.
    expect(day('2026-11-19')).toMatchObject({ expected: 0, compliance: null, checkIns: 0 });
    expect(day('2026-11-21')).toMatchObject({ expected: 0, compliance: null });
    // The day of the move is never expected of the mover.
    expect(day('2026-11-20')).toMatchObject({ expected: 2, submitted: 2, compliance: 100 });
    // Leave: not expected; the check-in on leave counts for averages and levels only.
    expect(day('2026-11-23')).toMatchObject({ expected: 2, submitted: 2 });
    expect(day('2026-11-24')).toMatchObject({ expected: 2, submitted: 2, checkIns: 3 });
    // A late check-in counts as submitted; average local submit time (09:30, 07:00, 07:00).
    expect(day('2026-11-25')).toMatchObject({
      expected: 3,
      submitted: 3,
      late: 1,
      averageSubmitTime: '07:50',
    });
    // The amendment's score is the one averaged.
    expect(day('2026-11-26')).toMatchObject({
      expected: 3,
      submitted: 2,
      compliance: 66.7,
      averageReadiness: Math.round(((AMENDED.readinessScore + GOOD) / 2) * 10) / 10,
      levels: { GREEN: 1, YELLOW: 0, RED: 1 },
    });
    expect(day('2026-11-27')).toMatchObject({ expected: 3, submitted: 2 });
    expect(result.totals).toMatchObject({ expected: 27, submitted: 24, compliance: 88.9 });
    expect(result.worstDay).toMatchObject({ date: '2026-11-17', compliance: 50 });
    expect(result.bestDay).toMatchObject({ date: '2026-11-25', compliance: 100 });
  });

  it('a member moved mid-period counts for the old team before the move and the new one after', async () => {
    const admin = actorOf(h.company, h.company.adminId, 'ADMIN');
    const b = await teamAnalytics(deps(), admin, { teamId: h.teamB, days: 30 });
    const day = (date: string) => b.days.find((d) => d.date === date);
    expect(day('2026-11-18')).toMatchObject({ expected: 1, submitted: 1 });
    expect(day('2026-11-20')).toMatchObject({ expected: 0 });
    expect(day('2026-11-23')).toMatchObject({ expected: 0, checkIns: 0 });
  });

  it('team dashboard: today expected, submitted, pending, compliance and levels', async () => {
    const result = await teamDashboard(deps(), actorOf(h.company, h.leadA, 'TEAM_LEAD'), {});
    expect(result.team.id).toBe(h.teamA);
    expect(result.team.supervisor?.id).toBe(h.supervisor);
    expect(result.localDate).toBe('2026-11-27');
    expect(result.today).toMatchObject({
      expected: 3,
      submitted: 2,
      pending: 1,
      compliance: 66.7,
      averageReadiness: GOOD,
      levels: { GREEN: 2, YELLOW: 0, RED: 0 },
    });
    expect(result.pendingMoves).toEqual([]);
  });

  it('scoping: another team is NOT_FOUND for a lead and a supervisor; a worker reads only their own history', async () => {
    const leadB = actorOf(h.company, h.leadB, 'TEAM_LEAD');
    await expect(teamDashboard(deps(), leadB, { teamId: h.teamA })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      teamAnalytics(deps(), actorOf(h.company, h.supervisor, 'SUPERVISOR'), {
        teamId: h.teamB,
        days: 7,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const w1 = actorOf(h.company, h.w1, 'WORKER');
    await expect(
      workerHistory(deps(), w1, { personId: h.w2, from: '2026-11-01', to: '2026-11-27' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Lead B no longer leads W2's team and never did.
    await expect(
      workerHistory(deps(), leadB, { personId: h.w2, from: '2026-11-01', to: '2026-11-27' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('supervisor overview: only the supervised teams, with totals', async () => {
    const result = await supervisorOverview(deps(), actorOf(h.company, h.supervisor, 'SUPERVISOR'));
    expect(result.teams.map((row) => row.team.id)).toEqual([h.teamA]);
    expect(result.teams[0]).toMatchObject({
      members: 3,
      expected: 3,
      submitted: 2,
      compliance: 66.7,
    });
    expect(result.totals).toMatchObject({ teams: 1, members: 3, expected: 3, submitted: 2 });
  });

  it('company analytics by team over 7 days', async () => {
    const result = await companyAnalytics(deps(), actorOf(h.company, h.company.adminId, 'ADMIN'), {
      days: 7,
    });
    expect(result.from).toBe('2026-11-21');
    const a = result.teams.find((row) => row.team.id === h.teamA);
    expect(a).toMatchObject({ expected: 13, submitted: 11, from: '2026-11-21' });
    expect(result.totals.expected).toBe(13);
    const supervised = await companyAnalytics(
      deps(),
      actorOf(h.company, h.supervisor, 'SUPERVISOR'),
      { days: 7 },
    );
    expect(supervised.teams.map((row) => row.team.id)).toEqual([h.teamA]);
  });

  it('workforce overview: people, teams and today company-wide', async () => {
    const result = await workforceOverview(deps(), actorOf(h.company, h.company.adminId, 'ADMIN'));
    expect(result.people.byRole).toMatchObject({
      WORKER: 4,
      TEAM_LEAD: 2,
      SUPERVISOR: 1,
      ADMIN: 1,
    });
    expect(result.teams.withoutSupervisor.map((team) => team.id)).toEqual([h.teamB]);
    expect(result.unassignedWorkers.count).toBe(1);
    expect(result.unassignedWorkers.items.map((person) => person.id)).toEqual([h.unassigned]);
    expect(result.today).toMatchObject({ expected: 3, submitted: 2 });
  });

  it('worker dashboard: streak across a holiday and a weekend, week completion with leave, trend with a miss today', async () => {
    const w1 = await workerDashboard(deps(), actorOf(h.company, h.w1, 'WORKER'));
    expect(w1.streak).toBe(12);
    expect(w1.week).toMatchObject({
      from: '2026-11-23',
      expected: 5,
      submitted: 5,
      completion: 100,
    });
    expect(w1.checkIns30Days).toBe(12);
    expect(w1.today.alreadyCheckedIn).toBe(true);
    const w2 = await workerDashboard(deps(), actorOf(h.company, h.w2, 'WORKER'));
    expect(w2.streak).toBe(1);
    // Monday and Tuesday on leave: 25th yes, 26th no, today yes.
    expect(w2.week).toMatchObject({ expected: 3, submitted: 2, completion: 66.7 });
    const w3 = await workerDashboard(deps(), actorOf(h.company, h.w3, 'WORKER'));
    // Today not yet (window closed: a miss on the trend), then back across the move day.
    expect(w3.streak).toBe(10);
    expect(w3.trend.at(-1)).toMatchObject({ date: '2026-11-27', expected: true, missed: true });
    expect(w3.trend.map((d) => d.date)[0]).toBe('2026-11-21');
  });

  it('worker history: a lead sees only the days on their team; statuses, leave, misses and the amended check-in', async () => {
    const leadA = actorOf(h.company, h.leadA, 'TEAM_LEAD');
    const w3 = await workerHistory(deps(), leadA, {
      personId: h.w3,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(w3.days.map((d) => d.date).at(-1)).toBe('2026-11-20');
    expect(w3.days.every((d) => d.team?.id === h.teamA)).toBe(true);
    const leadB = actorOf(h.company, h.leadB, 'TEAM_LEAD');
    const w3OnB = await workerHistory(deps(), leadB, {
      personId: h.w3,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(w3OnB.days[0]?.date).toBe('2026-11-19');
    const w2 = await workerHistory(deps(), leadA, {
      personId: h.w2,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(w2.to).toBe('2026-11-27');
    const status = (date: string) => w2.days.find((d) => d.date === date);
    expect(status('2026-11-17')).toMatchObject({ status: 'missed', miss: null });
    expect(status('2026-11-19')).toMatchObject({ status: 'not_expected' });
    expect(status('2026-11-23')).toMatchObject({ status: 'on_leave', leave: { type: 'ANNUAL' } });
    expect(status('2026-11-24')?.leave?.type).toBe('ANNUAL');
    expect(status('2026-11-26')?.status).toBe('missed');
    expect(status('2026-11-26')?.miss?.excused).toBe(false);
    expect(w2.summary).toMatchObject({ missed: 2, leaveDays: 1 });
    const w1 = await workerHistory(deps(), actorOf(h.company, h.w1, 'WORKER'), {
      personId: h.w1,
      from: '2026-11-26',
      to: '2026-11-26',
    });
    expect(w1.days[0]?.checkIn).toMatchObject({
      version: 2,
      scores: { readinessScore: AMENDED.readinessScore, painScore: AMENDED.painScore },
    });
  });
});

describe('CSV exports', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    api.deps.now = () => NOW;
    const server = createApp({ deps: api.deps, allowedOrigins: [] }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await close();
  });
  const get = (path: string, token: string | null) =>
    fetch(`${base}${path}`, { headers: token ? { cookie: `__Host-aegira_session=${token}` } : {} });

  it('team analytics: one row per day with the screen figures, a filename, CRLF lines', async () => {
    const response = await get(
      `${EXPORT_PATHS.teamAnalytics}?teamId=${h.teamA}&days=30`,
      h.company.admin.token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="team-analytics-2026-11-10-2026-11-27.csv"',
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'date,expected,submitted,compliance_percent,check_ins,average_readiness,green,yellow,red,late,average_submit_time',
    );
    expect(lines).toHaveLength(1 + 18 + 1);
    expect(lines).toContain('2026-11-17,2,1,50,1,86,1,0,0,0,07:00');
    expect(lines).toContain(
      `2026-11-26,3,2,66.7,2,${(AMENDED.readinessScore + GOOD) / 2},1,0,1,0,07:00`,
    );
    expect(lines).toContain('2026-11-19,0,0,,0,,0,0,0,0,');
  });

  it('company analytics: a team name starting like a formula is neutralised', async () => {
    const response = await get(`${EXPORT_PATHS.companyAnalytics}?days=7`, h.company.admin.token);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`,"'=HYPERLINK(""x"")`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    // Two teams × 7 days, plus the header.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 14);
  });

  it('worker history: every day of the period in batches, oldest first', async () => {
    const response = await get(
      `${EXPORT_PATHS.workerHistory}?personId=${h.w1}&from=2026-01-01&to=2026-11-27`,
      h.company.admin.token,
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    // Created 2026-11-10: days 11-10 … 11-27.
    expect(lines).toHaveLength(1 + 18);
    expect(lines[1]?.startsWith('2026-11-10,')).toBe(true);
    expect(lines.find((line) => line.startsWith('2026-11-26'))).toContain(
      `,checked_in,${AMENDED.readinessScore},RED,`,
    );
  });

  it('authenticates an API token exactly like tRPC: a READ_ONLY token exports, a malformed one is 401', async () => {
    const { token } = await h.company.admin.api.apiTokens.create({
      name: 'Analytics export',
      scope: 'READ_ONLY',
    });
    const path = `${EXPORT_PATHS.teamAnalytics}?teamId=${h.teamA}&days=7`;
    const ok = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect((await ok.text()).split('\r\n').filter(Boolean)).toHaveLength(1 + 7);
    const malformed = await fetch(`${base}${path}`, {
      headers: {
        authorization: 'Bearer nope',
        cookie: `__Host-aegira_session=${h.company.admin.token}`,
      },
    });
    expect(malformed.status).toBe(401);
  });

  it('refuses cleanly: bad query 400 naming the field, no session 401, a worker 403, another team 404', async () => {
    const bad = await get(`${EXPORT_PATHS.teamAnalytics}?teamId=x&days=5`, h.company.admin.token);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(['days', 'teamId']);
    expect((await get(`${EXPORT_PATHS.companyAnalytics}?days=7`, null)).status).toBe(401);
    const other = await companyFixture(api);
    const otherLead = await teamFixture(api, other);
    const foreign = await get(
      `${EXPORT_PATHS.teamAnalytics}?teamId=${h.teamA}&days=7`,
      otherLead.lead.client.token,
    );
    expect(foreign.status).toBe(404);
    const notMine = await get(
      `${EXPORT_PATHS.workerHistory}?personId=${h.w1}&from=2026-11-01&to=2026-11-27`,
      otherLead.lead.client.token,
    );
    expect(notMine.status).toBe(404);
    expect(
      (await get(`${EXPORT_PATHS.companyAnalytics}?days=7`, otherLead.lead.client.token)).status,
    ).toBe(403);
  });
});
