import { randomUUID } from 'node:crypto';
import {
  auditChain,
  companyKeyRing,
  createDb,
  event,
  executeCommand,
  replayCompanyEvents,
} from '@aegira/db';
import { ERASED, REDACTED } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectAccessPath } from '../src/http/subject-access-route.ts';
import { AUDIT_BUNDLE_PATH } from '../src/modules/audit-chain/bundle-route.ts';
import { auditSigningKey } from '../src/services/audit-chain/signing-key.ts';
import { createTestApi, failureOf, type TestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import {
  companyLog,
  ENTITY_TABLES,
  notificationRows,
  replayAndCompare,
  tableRows,
  useReplayTarget,
} from '../test-support/replay-check.ts';
import { type ServedApp, serveApp, sessionCookieOf } from '../test-support/serve-app.ts';

// Erasure of a former employee's health data (issue 16, docs/decisions/039): a worker with a
// record of every kind that holds health or incident content, each carrying one unique marker;
// after PERSON_ERASED no reader, export, replay or raw row shows it, the team's analytics are
// unchanged, and the hash chain and its signed checkpoints still verify.

type Person = Awaited<ReturnType<typeof personFixture>>;

/** Found nowhere but in what this worker said and what was written about their health. */
const MARK = `ERASE-ME-${randomUUID()}`;
const marked = (text: string) => `${text} ${MARK}`;

let api: TestApi;
let owner: pg.Client;
let served: ServedApp;
let company: CompanyFixture;
let teamId: string;
let lead: Person;
let whs: Person;
let subject: Person;
let peer: Person;
const ids = {
  checkInAmended: '',
  checkInRed: '',
  alert: '',
  leave: '',
  excusedMiss: '',
  openMiss: '',
  approvedIncident: '',
  rejectedIncident: '',
  case: '',
  /** The last event before the erasure: as-of reads are cut just after it. */
  lastEvent: '',
};
let analyticsBefore: unknown[] = [];
let firstCheckpoint = 0;

const replayTarget = useReplayTarget();
const secondReplayTarget = useReplayTarget();

/** Tables, in every schema but the system's, holding the marker in any column of any row. */
async function tablesHoldingMark(client: pg.Client): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE'
       AND table_schema NOT IN ('pg_catalog', 'information_schema')
       AND table_schema NOT LIKE 'pg\\_%'
     ORDER BY 1`,
  );
  expect(tables.rows.length).toBeGreaterThan(20);
  const holding: string[] = [];
  for (const { name } of tables.rows) {
    // The whole row as text: every text, jsonb and array column at once.
    const found = await client.query(
      `SELECT 1 FROM ${name} AS t WHERE strpos(t::text, $1) > 0 LIMIT 1`,
      [MARK],
    );
    if (found.rows.length > 0) holding.push(name);
  }
  return holding;
}

async function download(path: string): Promise<string> {
  const response = await fetch(`${served.url}${path}`, {
    headers: { cookie: sessionCookieOf(company.admin) },
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return text;
}

const subjectAccess = () => download(subjectAccessPath(subject.id));

/** The admin's views of everything about the subject, as one text. */
async function everyReaderText(): Promise<string> {
  const admin = company.admin.api;
  const views: unknown[] = [
    await admin.checkIn.get({ id: ids.checkInAmended }),
    await admin.checkIn.get({ id: ids.checkInRed }),
    await admin.checkIn.history({ personId: subject.id }),
    await admin.alerts.list({ personId: subject.id }),
    await admin.leave.list({ personId: subject.id, includeCancelled: true }),
    await admin.missedCheckIns.list({ personId: subject.id }),
    await admin.analytics.workerHistory({
      personId: subject.id,
      from: '2026-11-20',
      to: '2026-11-27',
    }),
    await whs.client.api.incidents.get({ incidentId: ids.approvedIncident }),
    await whs.client.api.incidents.get({ incidentId: ids.rejectedIncident }),
    await whs.client.api.incidents.list({}),
    await whs.client.api.cases.get({ caseId: ids.case }),
    await whs.client.api.cases.list({}),
    await admin.audit.list({ limit: 100 }),
    // As of a point before the erasure: the past is folded from the same sealed log.
    await admin.checkIn.get({ id: ids.checkInRed, asOf: { afterEventId: ids.lastEvent } }),
    await admin.people.get({ id: subject.id, asOf: { afterEventId: ids.lastEvent } }),
    await admin.teams.get({ id: teamId, asOf: { afterEventId: ids.lastEvent } }),
  ];
  for (const [entityType, entityId] of entities()) {
    views.push(await admin.events.forEntity({ entityType, entityId, limit: 200 }));
  }
  return JSON.stringify(views);
}

/** Every entity whose events carry the subject's health or incident content. */
function entities() {
  return [
    ['check_in', ids.checkInAmended],
    ['check_in', ids.checkInRed],
    ['readiness_alert', ids.alert],
    ['leave', ids.leave],
    ['missed_check_in', ids.excusedMiss],
    ['incident', ids.approvedIncident],
    ['incident', ids.rejectedIncident],
    ['case', ids.case],
    ['person', subject.id],
  ] as const;
}

async function signAndVerify(): Promise<auditChain.LiveVerifyReport> {
  expect((await company.admin.api.auditChain.signCheckpoint()).signed).toBe(true);
  return auditChain.verifyCompanyLog(api.db, company.companyId, {
    trustedPublicKey: auditSigningKey().publicKey,
  });
}

beforeAll(async () => {
  api = await createTestApi();
  owner = new pg.Client({ connectionString: api.ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  served = await serveApp(api);
  company = await companyFixture(api);
  const team = await teamFixture(api, company);
  teamId = team.id;
  lead = team.lead;
  whs = await personFixture(api, company, 'WHS');
  subject = await personFixture(api, company, 'WORKER', { teamId });
  peer = await personFixture(api, company, 'WORKER', { teamId });

  // Two misses of earlier days: one excused with a reason, one left open.
  ids.excusedMiss = randomUUID();
  ids.openMiss = randomUUID();
  fixClock(api, berlin('07:00', '2026-11-26'));
  await executeCommand(api.db, company.actor, async () =>
    ['2026-11-24', '2026-11-25'].map((localDate, index) =>
      event('MISSED_CHECK_IN_DETECTED', {
        id: index === 0 ? ids.excusedMiss : ids.openMiss,
        personId: subject.id,
        teamId,
        localDate,
        detectedAt: berlin('10:05', localDate).toISOString(),
        snapshot: null,
      }),
    ),
  );
  await lead.client.api.missedCheckIns.excuse({
    missId: ids.excusedMiss,
    reason: marked('Was at the doctor for the back'),
  });

  // Thursday: a check-in with notes, amended the same morning; the peer checks in too.
  const first = await subject.client.api.checkIn.submit({
    ...GOOD_CHECK_IN,
    notes: marked('Slept badly'),
  });
  ids.checkInAmended = first.id;
  await subject.client.api.checkIn.amend({
    ...GOOD_CHECK_IN,
    painLevel: 3,
    painLocation: 'knee_left',
    notes: marked('Knee aches after the stairs'),
  });
  await peer.client.api.checkIn.submit(GOOD_CHECK_IN);

  // Friday: a RED check-in raises an alert; the lead records a countermeasure.
  fixClock(api, berlin('07:00'));
  const red = await subject.client.api.checkIn.submit({
    hoursSlept: 4,
    sleepQuality: 2,
    stressLevel: 9,
    physicalCondition: 2,
    painLevel: 8,
    painLocation: 'lower_back',
    notes: marked('Back is really bad today'),
  });
  expect(red.scores.level).toBe('RED');
  ids.checkInRed = red.id;
  const [alert] = await alertIdsOf(subject.id);
  if (!alert) throw new Error('the RED check-in raised no alert');
  ids.alert = alert;
  await lead.client.api.alerts.recordCountermeasure({
    alertId: ids.alert,
    type: 'SENT_HOME',
    note: marked('Sent home, back pain'),
  });
  await peer.client.api.checkIn.submit(GOOD_CHECK_IN);

  const leave = await company.admin.api.leave.record({
    personId: subject.id,
    type: 'SICK',
    startDate: '2026-12-07',
    endDate: '2026-12-08',
    note: marked('Physiotherapy for the back'),
  });
  ids.leave = leave.id;

  // Two incidents they reported: one approved into a case (noted, resolved), one rejected.
  const occurredAt = berlin('06:30').toISOString();
  const approved = await subject.client.api.incidents.report({
    type: 'INJURY',
    severity: 'MEDIUM',
    title: marked('Strained back'),
    location: marked('Dock 3'),
    description: marked('Lifted a crate alone and felt a pull'),
    occurredAt,
    peopleInvolvedIds: [peer.id],
  });
  ids.approvedIncident = approved.id;
  const opened = await whs.client.api.incidents.approve({ incidentId: approved.id });
  if (!opened.case) throw new Error('approval opened no case');
  ids.case = opened.case.id;
  await whs.client.api.cases.addNote({ caseId: ids.case, text: marked('Spoke to the worker') });
  await whs.client.api.cases.transition({ caseId: ids.case, to: 'INVESTIGATING' });
  await whs.client.api.cases.transition({
    caseId: ids.case,
    to: 'RESOLVED',
    resolutionSummary: marked('Two-person lift rule'),
  });
  const rejected = await subject.client.api.incidents.report({
    type: 'ILLNESS',
    severity: 'LOW',
    title: marked('Headache'),
    location: null,
    description: marked('Headache after the night shift'),
    occurredAt,
    peopleInvolvedIds: [],
  });
  ids.rejectedIncident = rejected.id;
  await whs.client.api.incidents.reject({
    incidentId: rejected.id,
    reason: 'NOT_WORK_RELATED',
    explanation: marked('A headache is not a work incident'),
  });
  const last = await owner.query<{ id: string }>(
    'SELECT id FROM events WHERE company_id = $1 ORDER BY position DESC LIMIT 1',
    [company.companyId],
  );
  ids.lastEvent = last.rows[0]?.id ?? '';
}, 180_000);

afterAll(async () => {
  await served?.close();
  await owner?.end();
  await api?.close();
});

async function alertIdsOf(personId: string): Promise<string[]> {
  const rows = await owner.query<{ id: string }>(
    'SELECT id FROM readiness_alerts WHERE person_id = $1',
    [personId],
  );
  return rows.rows.map((row) => row.id);
}

describe('before erasure', () => {
  it('every reader and the subject-access export show the marker; the log holds only ciphertext', async () => {
    const text = await subjectAccess();
    const document = JSON.parse(text) as Record<string, unknown>;
    // The marker in each section of the export that holds the subject's content.
    for (const section of [
      'checkIns',
      'missedCheckIns',
      'leave',
      'countermeasures',
      'incidents',
      'cases',
      'caseNotes',
      'events',
    ]) {
      expect(JSON.stringify(document[section]), section).toContain(MARK);
    }
    expect(await everyReaderText()).toContain(MARK);
    const asOf = await company.admin.api.checkIn.get({
      id: ids.checkInRed,
      asOf: { afterEventId: ids.lastEvent },
    });
    expect(asOf.checkIn.inputs?.notes).toContain(MARK);
    const holding = await tablesHoldingMark(owner);
    expect(holding).toEqual(
      expect.arrayContaining([
        'public.check_ins',
        'public.missed_check_ins',
        'public.leaves',
        'public.countermeasures',
        'public.incidents',
        'public.cases',
        'public.case_notes',
      ]),
    );
    expect(holding).not.toContain('public.events');
    expect(holding).not.toContain('public.audit_logs');
  });

  it('the chain and a signed checkpoint verify', async () => {
    const report = await signAndVerify();
    expect(report).toMatchObject({ intact: true });
    firstCheckpoint = report.intactUpToCheckpoint ?? 0;
    expect(firstCheckpoint).toBeGreaterThan(0);
  });
});

describe('erasing a person’s health data', () => {
  it('is refused for an active person, for a non-admin, and for someone unknown', async () => {
    expect(
      await failureOf(company.admin.api.people.erase({ personId: peer.id, reason: 'asked' })),
    ).toMatchObject({ code: 'CONFLICT', appCode: 'STILL_ACTIVE' });
    await company.admin.api.people.deactivate({ personId: subject.id, reason: 'left the company' });
    expect(
      await failureOf(whs.client.api.people.erase({ personId: subject.id, reason: 'asked' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failureOf(lead.client.api.people.erase({ personId: subject.id, reason: 'asked' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failureOf(company.admin.api.people.erase({ personId: randomUUID(), reason: 'asked' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // Nothing was erased by the refusals.
    expect((await company.admin.api.people.get({ id: subject.id })).erasedAt).toBeNull();
    expect(await everyReaderText()).toContain(MARK);
    // An admin cannot erase their own data.
    expect(
      await failureOf(
        company.admin.api.people.erase({ personId: company.adminId, reason: 'my own data' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // The team's and the company's analytics, just before erasure.
    analyticsBefore = [
      await company.admin.api.analytics.team({ teamId, days: 30 }),
      await company.admin.api.analytics.company({ days: 30 }),
    ];
  });

  it('erases a deactivated person with a reason: PERSON_ERASED, audited, erasedAt set', async () => {
    fixClock(api, berlin('09:00'));
    const erased = await company.admin.api.people.erase({
      personId: subject.id,
      reason: 'Former employee asked for erasure (GDPR art. 17)',
    });
    expect(erased).toMatchObject({ id: subject.id, isActive: false });
    expect(erased.erasedAt).toBe(berlin('09:00').toISOString());
    const audit = await company.admin.api.audit.list({
      action: 'PERSON_ERASED',
      entityId: subject.id,
    });
    expect(audit.items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: company.adminId }),
        details: expect.objectContaining({
          reason: 'Former employee asked for erasure (GDPR art. 17)',
        }),
      }),
    ]);
    const key = await owner.query(
      'SELECT key, destroyed_at FROM person_keys WHERE person_id = $1',
      [subject.id],
    );
    expect(key.rows).toEqual([{ key: null, destroyed_at: expect.any(Date) }]);
  });

  it('no reader shows the marker: check-ins without inputs, events "[erased]", records cleared', async () => {
    const admin = company.admin.api;
    expect(await everyReaderText()).not.toContain(MARK);

    const detail = await admin.checkIn.get({ id: ids.checkInAmended });
    expect(detail.checkIn.inputs).toBeNull();
    expect(detail.versions).toHaveLength(2);
    for (const version of detail.versions) expect(version.inputs).toBeNull();
    // Scores stay.
    expect(detail.checkIn.scores.readinessScore).toBeGreaterThan(0);
    // The past as of before the erasure reads erased too: it is folded from the same log.
    const asOf = await admin.checkIn.get({
      id: ids.checkInRed,
      asOf: { afterEventId: ids.lastEvent },
    });
    expect(asOf.checkIn).toMatchObject({ inputs: null, scores: { level: 'RED' } });
    const history = await admin.checkIn.history({ personId: subject.id });
    expect(history.items).toHaveLength(2);
    for (const item of history.items) expect(item.inputs).toBeNull();
    expect(history.items.map((item) => item.scores.level).sort()).toEqual(['GREEN', 'RED']);

    const timeline = await admin.events.forEntity({
      entityType: 'check_in',
      entityId: ids.checkInAmended,
    });
    for (const item of timeline.items) {
      expect(item.payload).toMatchObject({ inputs: { notes: ERASED, painLevel: ERASED } });
    }
    // Each entity's timeline: what was sealed for the subject reads "[erased]".
    const payloadOf = async (
      entityType: 'leave' | 'readiness_alert' | 'missed_check_in' | 'incident',
      entityId: string,
      type: string,
    ) => {
      const { items } = await admin.events.forEntity({ entityType, entityId });
      const found = items.find((item) => item.type === type);
      if (!found) throw new Error(`no ${type} in the timeline of ${entityType} ${entityId}`);
      return found.payload;
    };
    expect(await payloadOf('leave', ids.leave, 'LEAVE_RECORDED')).toMatchObject({
      note: ERASED,
    });
    expect(await payloadOf('readiness_alert', ids.alert, 'READINESS_ALERT_RAISED')).toMatchObject({
      painLevel: ERASED,
      readinessLevel: 'RED',
    });
    expect(await payloadOf('readiness_alert', ids.alert, 'COUNTERMEASURE_RECORDED')).toMatchObject({
      note: ERASED,
      type: 'SENT_HOME',
    });
    expect(
      await payloadOf('missed_check_in', ids.excusedMiss, 'MISSED_CHECK_IN_EXCUSED'),
    ).toMatchObject({ reason: ERASED });
    // Incident content is WHS's to read: an admin sees it redacted before and after erasure
    // alike (whether it was erased is itself about the reporter's health record).
    expect(await payloadOf('incident', ids.approvedIncident, 'INCIDENT_REPORTED')).toMatchObject({
      title: REDACTED,
      description: REDACTED,
      location: REDACTED,
      peopleInvolvedIds: REDACTED,
    });

    const [alert] = (await admin.alerts.list({ personId: subject.id })).items;
    expect(alert).toMatchObject({ readinessLevel: 'RED', painLevel: null });
    expect(alert?.countermeasures).toEqual([expect.objectContaining({ note: null })]);
    const [leave] = (await admin.leave.list({ personId: subject.id })).items;
    expect(leave).toMatchObject({ id: ids.leave, note: null });

    const incident = await whs.client.api.incidents.get({ incidentId: ids.approvedIncident });
    expect(incident).toMatchObject({
      title: null,
      description: null,
      location: null,
      peopleInvolved: [],
    });
    const rejected = await whs.client.api.incidents.get({ incidentId: ids.rejectedIncident });
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'NOT_WORK_RELATED',
      rejectionExplanation: null,
    });
    const kase = await whs.client.api.cases.get({ caseId: ids.case });
    expect(JSON.stringify(kase)).not.toContain(MARK);
    expect(kase).toMatchObject({ status: 'RESOLVED', resolutionSummary: null });
  });

  it('the subject-access export and the audit bundle hold no marker, and the bundle verifies', async () => {
    const text = await subjectAccess();
    expect(text).not.toContain(MARK);
    expect(text).not.toContain('$sealed');
    const document = JSON.parse(text) as {
      checkIns: unknown[];
      events: Array<{ type: string; erased: boolean }>;
    };
    // The records are still listed; only their content is gone.
    expect(document.checkIns).toHaveLength(2);
    expect(document.events.some((entry) => entry.type === 'PERSON_ERASED')).toBe(true);
    expect(
      document.events.filter((entry) => entry.type === 'CHECK_IN_SUBMITTED').map((e) => e.erased),
    ).toEqual([true, true]);

    const bundle = await download(AUDIT_BUNDLE_PATH);
    expect(bundle).not.toContain(MARK);
    expect(
      auditChain.verifyBundleText(bundle, { trustedPublicKey: auditSigningKey().publicKey }),
    ).toMatchObject({ intact: true, companyId: company.companyId });
  });

  it('no row of any table in the database holds the marker (the log keeps only ciphertext)', async () => {
    expect(await tablesHoldingMark(owner)).toEqual([]);
  });

  it('leaves the team analytics as they were (scores kept)', async () => {
    const after = [
      await company.admin.api.analytics.team({ teamId, days: 30 }),
      await company.admin.api.analytics.company({ days: 30 }),
    ];
    expect(after).toEqual(analyticsBefore);
    // The subject's RED check-in of the counted day still counts, with its score (18 beside
    // the peer's 86).
    const [team] = after;
    expect(team?.totals).toMatchObject({
      checkIns: 2,
      averageReadiness: 52,
      levels: { GREEN: 1, RED: 1, YELLOW: 0 },
    });
  });

  it('the chain and both the earlier and a new signed checkpoint still verify', async () => {
    const report = await signAndVerify();
    expect(report).toMatchObject({ intact: true, firstBrokenSeq: null });
    expect(report.intactUpToCheckpoint ?? 0).toBeGreaterThan(firstCheckpoint);
    const integrity = await company.admin.api.auditChain.integrity();
    expect(integrity.checkpoints).toBe(2);
  });

  it('replay and rebuild into empty databases equal the live tables, with no marker', async () => {
    // The product's rebuild (db:replay): the log folded in memory, keys copied as they are.
    const target = replayTarget();
    const { tables } = await replayAndCompare(owner, target, company.companyId);
    for (const { table, original, replayed } of tables) {
      expect(replayed, table).toEqual(original);
    }
    expect(await tablesHoldingMark(target.owner)).toEqual([]);

    // The live path's replay: every event through the write path's projections.
    const second = secondReplayTarget();
    const targetDb = createDb(second.appUrl);
    try {
      const events = await companyLog(owner, company.companyId);
      await replayCompanyEvents(targetDb, company.companyId, events, {
        keys: await companyKeyRing(owner, company.companyId),
      });
    } finally {
      await targetDb.$disconnect();
    }
    for (const table of ENTITY_TABLES) {
      expect(await tableRows(second.owner, table, company.companyId), table).toEqual(
        await tableRows(owner, table, company.companyId),
      );
    }
    expect(await notificationRows(second.owner, company.companyId)).toEqual(
      await notificationRows(owner, company.companyId),
    );
    expect(await tablesHoldingMark(second.owner)).toEqual([]);
  });
});

describe('after erasure', () => {
  it('erasing again is refused: ALREADY_ERASED', async () => {
    expect(
      await failureOf(company.admin.api.people.erase({ personId: subject.id, reason: 'again' })),
    ).toMatchObject({ code: 'CONFLICT', appCode: 'ALREADY_ERASED' });
  });

  it('reactivating the person is refused', async () => {
    expect(
      await failureOf(company.admin.api.people.reactivate({ personId: subject.id })),
    ).toMatchObject({ code: 'CONFLICT', appCode: 'ALREADY_ERASED' });
    expect((await company.admin.api.people.get({ id: subject.id })).isActive).toBe(false);
  });

  it('a command that would seal new health data about them is refused, recording nothing', async () => {
    const before = await owner.query(
      'SELECT count(*)::int AS n FROM events WHERE company_id = $1',
      [company.companyId],
    );
    const failure = await failureOf(
      company.admin.api.missedCheckIns.excuse({ missId: ids.openMiss, reason: 'late excuse' }),
    );
    expect(failure).toMatchObject({ code: 'CONFLICT', appCode: 'ALREADY_ERASED' });
    expect(failure.message).toMatch(/erased; nothing new can be recorded/);
    const after = await owner.query('SELECT count(*)::int AS n FROM events WHERE company_id = $1', [
      company.companyId,
    ]);
    expect(after.rows).toEqual(before.rows);
    // No new key was made for them.
    const keys = await owner.query('SELECT key FROM person_keys WHERE person_id = $1', [
      subject.id,
    ]);
    expect(keys.rows).toEqual([{ key: null }]);
  });
});
