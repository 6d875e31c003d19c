import { randomUUID } from 'node:crypto';
import {
  companyKeyRing,
  createDb,
  event,
  executeCommand,
  rebuildCompany,
  replayCompanyEvents,
  sealedFor,
} from '@aegira/db';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../src/auth/login-limiter.ts';
import { createLogger } from '../src/http/logger.ts';
import {
  TEST_JWT_SECRET,
  type TestApi,
  TestClient,
  useTestApi,
} from '../test-support/api-harness.ts';
import {
  companyFixture,
  FIXTURE_PASSWORD,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import {
  companyLog,
  ENTITY_TABLES,
  notificationRows,
  tableRows,
  useReplayTarget,
} from '../test-support/replay-check.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const replayTarget = useReplayTarget();
const rebuildTarget = useReplayTarget();

/** Every foreign key of the schema as the database states it. */
async function foreignKeys(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ key: string }>(
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS key
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1`,
  );
  return result.rows.map((row) => row.key);
}

/** The dotted paths of every key named `name`, however deeply nested. */
function keysNamed(value: unknown, name: string, path = '$'): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => keysNamed(item, name, `${path}[${index}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key === name ? [`${path}.${key}`] : []),
    ...keysNamed(inner, name, `${path}.${key}`),
  ]);
}

/** Berlin, Wednesday 2026-11-25 at the given time (UTC+1). */
const at = (hhmm: string, date = '2026-11-25') => new Date(`${date}T${hhmm}:00+01:00`);

describe('replaying a company’s events', () => {
  it('rebuilds every one of its tables exactly', async () => {
    api.deps.now = () => at('08:00');
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const teamA = await teamFixture(api, company, { supervisorId: supervisor.id });
    const teamB = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: teamA.id });
    const leaver = await personFixture(api, company, 'WORKER', { teamId: teamB.id });
    const admin = company.admin.api;

    await worker.client.api.checkIn.submit(GOOD_CHECK_IN);
    await worker.client.api.checkIn.amend({
      ...GOOD_CHECK_IN,
      painLevel: 2,
      painLocation: 'knee_left',
    });
    await admin.teams.update({ id: teamB.id, windowStart: '05:30' });
    await admin.teams.assignMember({ personId: worker.id, teamId: teamB.id });
    await admin.people.update({ personId: worker.id, phone: '+49 30 5555' });
    await admin.people.deactivate({ personId: leaver.id, reason: 'moved away' });
    await admin.people.reactivate({ personId: leaver.id });
    const holiday = await admin.holidays.create({
      date: '2026-12-24',
      name: 'Christmas Eve',
      recurring: true,
    });
    await admin.holidays.update({ holidayId: holiday.id, name: 'Christmas Eve (half day)' });
    await admin.company.updateSettings({ name: 'Replayed Co' });
    const { apiToken } = await admin.apiTokens.create({ name: 'export', scope: 'READ_ONLY' });
    await admin.apiTokens.revoke({ id: apiToken.id });
    await worker.client.api.auth.logout();
    // The next day: the transfer completes lazily, and the worker checks in with the new team.
    api.deps.now = () => at('07:00', '2026-11-26');
    await leaver.client.api.auth.login({
      company: leaver.companySlug,
      email: leaver.email,
      password: FIXTURE_PASSWORD,
    });
    const workerAgain = api.client();
    await workerAgain.api.auth.login({
      company: worker.companySlug,
      email: worker.email,
      password: FIXTURE_PASSWORD,
    });
    // What the missed-check-in job will record; the check-in below resolves it.
    const missId = randomUUID();
    await executeCommand(api.db, { companyId: company.companyId, actorId: null }, async () => [
      event('MISSED_CHECK_IN_DETECTED', {
        id: missId,
        personId: worker.id,
        teamId: teamB.id,
        localDate: '2026-11-26',
        detectedAt: at('06:30', '2026-11-26').toISOString(),
        snapshot: null,
      }),
    ]);
    // Leave recorded and cancelled, and an excused miss, as the leave commands write them.
    const leaveId = randomUUID();
    const excusedId = randomUUID();
    await executeCommand(api.db, company.actor, async () => [
      event('LEAVE_RECORDED', {
        id: leaveId,
        personId: leaver.id,
        type: 'SICK',
        startDate: '2026-11-27',
        endDate: '2026-11-28',
        note: 'flu',
        recordedById: company.adminId,
      }),
      event('MISSED_CHECK_IN_DETECTED', {
        id: excusedId,
        personId: leaver.id,
        teamId: teamB.id,
        localDate: '2026-11-25',
        detectedAt: at('10:06').toISOString(),
        snapshot: {
          windowStart: '06:00',
          windowEnd: '10:00',
          leadId: teamB.lead.id,
          streakBefore: 0,
          missesLast30Days: 0,
        },
      }),
    ]);
    await executeCommand(api.db, company.actor, async () => [
      event('LEAVE_CANCELLED', {
        id: leaveId,
        cancelledById: company.adminId,
        cancelledAt: at('07:05', '2026-11-26').toISOString(),
      }),
      sealedFor(
        leaver.id,
        event('MISSED_CHECK_IN_EXCUSED', {
          id: excusedId,
          excusedById: company.adminId,
          reason: 'dentist',
          excusedAt: at('07:05', '2026-11-26').toISOString(),
        }),
      ),
    ]);
    await workerAgain.api.checkIn.submit(GOOD_CHECK_IN);
    // A RED check-in raises a readiness alert, and its lead records a countermeasure.
    await leaver.client.api.checkIn.submit({
      hoursSlept: 3,
      sleepQuality: 1,
      stressLevel: 10,
      physicalCondition: 1,
      painLevel: 8,
      painLocation: 'lower_back',
    });
    const [alert] = (await teamB.lead.client.api.alerts.list({ state: 'open' })).items;
    await teamB.lead.client.api.alerts.recordCountermeasure({
      alertId: alert?.id ?? '',
      type: 'SENT_HOME',
      note: 'Back pain',
    });
    await admin.teams.deactivate({ id: teamB.id, reason: 'site closed' });
    // An incident reported, approved into a case, noted and resolved (incidents, cases,
    // case_notes and the company's record_sequences row).
    const officer = await personFixture(api, company, 'WHS');
    const incident = await workerAgain.api.incidents.report({
      type: 'INJURY',
      severity: 'MEDIUM',
      title: 'Bruised shin on a pallet',
      location: null,
      description: 'Walked into a pallet left in the aisle',
      occurredAt: at('06:00', '2026-11-26').toISOString(),
      peopleInvolvedIds: [],
    });
    const approved = await officer.client.api.incidents.approve({ incidentId: incident.id });
    const caseId = approved.case?.id ?? '';
    await officer.client.api.cases.addNote({ caseId, text: 'Aisle marked' });
    await officer.client.api.cases.transition({ caseId, to: 'INVESTIGATING' });
    await officer.client.api.cases.transition({
      caseId,
      to: 'RESOLVED',
      resolutionSummary: 'Pallets go to the bay',
    });
    // A signed checkpoint of the audit chain is an event too (audit_checkpoints).
    expect((await admin.auditChain.signCheckpoint()).signed).toBe(true);
    api.deps.now = undefined;

    const events = await companyLog(owner, company.companyId);
    const types = new Set(events.map((event) => event.type));
    for (const expected of [
      'CHECK_IN_UPDATED',
      'TEAM_TRANSFER_COMPLETED',
      'PERSON_DEACTIVATED',
      'TEAM_MEMBER_UNASSIGNED',
      'API_TOKEN_REVOKED',
      'COMPANY_UPDATED',
      'PERSON_SESSIONS_REVOKED',
      'MISSED_CHECK_IN_RESOLVED',
      'MISSED_CHECK_IN_EXCUSED',
      'LEAVE_CANCELLED',
    ]) {
      expect(types, expected).toContain(expected);
    }
    // Credentials live outside the log: no event of the company carries a hash.
    for (const secret of ['passwordHash', 'tokenHash']) {
      expect(
        events.flatMap((event) => keysNamed(event.payload, secret)),
        secret,
      ).toEqual([]);
    }

    const { appUrl: targetUrl, owner: targetOwner } = replayTarget();
    const targetDb = createDb(targetUrl);
    try {
      const keys = await companyKeyRing(owner, company.companyId);
      expect(await replayCompanyEvents(targetDb, company.companyId, events, { keys })).toBe(
        events.length,
      );
      for (const table of ENTITY_TABLES) {
        const original = await tableRows(owner, table, company.companyId);
        expect(original.length, table).toBeGreaterThan(0);
        expect(await tableRows(targetOwner, table, company.companyId), table).toEqual(original);
      }
      // The notifications read model comes back equal too, read marks aside (decision 015):
      // the move, the misses (the lead of the one without a snapshot found from team versions),
      // the leave, the RED check-in and the deactivation all caused some.
      const notifications = await notificationRows(owner, company.companyId);
      expect(new Set(notifications.map((row) => row.kind))).toEqual(
        new Set([
          'TEAM_MOVE_SCHEDULED',
          'TEAM_MOVE_COMPLETED',
          'MISSED_CHECK_IN',
          'TEAM_MISSED_CHECK_INS',
          'LEAVE_RECORDED',
          'TEAM_DEACTIVATED',
          'READINESS_ALERT',
          'INCIDENT_REPORTED',
          'INCIDENT_APPROVED',
          'CASE_RESOLVED',
        ]),
      );
      expect(await notificationRows(targetOwner, company.companyId)).toEqual(notifications);

      // The rebuild into an empty database (db:replay, bench P3) gives the same rows and
      // leaves every foreign key as it found it (it drops and re-adds them, validated).
      const target = rebuildTarget().owner;
      const keysBefore = await foreignKeys(target);
      expect(keysBefore.length).toBeGreaterThan(40);
      const rebuilt = await rebuildCompany(owner, target, company.companyId);
      expect(rebuilt.events).toBe(events.length);
      for (const table of ENTITY_TABLES) {
        expect(await tableRows(target, table, company.companyId), table).toEqual(
          await tableRows(owner, table, company.companyId),
        );
      }
      expect(await notificationRows(target, company.companyId)).toEqual(notifications);
      expect(await foreignKeys(target)).toEqual(keysBefore);
      // Only into a database without the company: a second rebuild is refused, changing nothing.
      await expect(rebuildCompany(owner, target, company.companyId)).rejects.toThrow(
        /already holds company/,
      );

      // Credentials are not in the log, so a restore copies them beside the replay.
      const credentials = await owner.query<{
        person_id: string;
        company_id: string;
        password_hash: string;
        updated_at: Date;
      }>(
        'SELECT person_id, company_id, password_hash, updated_at FROM person_credentials WHERE company_id = $1',
        [company.companyId],
      );
      expect(credentials.rows.length).toBeGreaterThan(0);
      for (const row of credentials.rows) {
        await targetOwner.query(
          `INSERT INTO person_credentials (person_id, company_id, password_hash, updated_at)
           VALUES ($1, $2, $3, $4)`,
          [row.person_id, row.company_id, row.password_hash, row.updated_at],
        );
      }
      const replayed = new TestClient({
        db: targetDb,
        jwtSecret: TEST_JWT_SECRET,
        secureCookies: false,
        loginLimiter: new LoginLimiter(),
        logger: createLogger('silent'),
      });
      const { user } = await replayed.api.auth.login({
        company: worker.companySlug,
        email: worker.email,
        password: FIXTURE_PASSWORD,
      });
      expect(user).toMatchObject({ id: worker.id, company: { name: 'Replayed Co' } });
      // The session the login started works against the replayed rows.
      expect((await replayed.api.profile.get()).email).toBe(worker.email);
    } finally {
      await targetDb.$disconnect();
    }
  });
});
