import { randomUUID } from 'node:crypto';
import { event, executeCommand, sealedFor } from '@aegira/db';
import { ERASED, REDACTED } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectAccessPath } from '../src/http/subject-access-route.ts';
import {
  FOLLOWED_ROWS,
  PERSON_COLUMNS,
  type RowSection,
} from '../src/services/people/subject-access-registry.ts';
import { createTestApi, type TestApi } from '../test-support/api-harness.ts';
import { type CapturedLogs, captureLogs } from '../test-support/capture-logs.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { type ServedApp, serveApp, sessionCookieOf } from '../test-support/serve-app.ts';

// The subject-access export (docs/decisions/040-subject-access-export.md): a worker with a
// record in every table that names a person, exported by an admin; checked against the
// database itself (owner connection, past row-level security), table by table.

type Row = Record<string, unknown>;
interface ExportedEvent {
  id: string;
  type: string;
  relations: string[];
  shown: string;
  payload: Row | null;
  erased: boolean;
}
type SubjectAccess = Record<RowSection, Row[]> & {
  generatedAt: string;
  person: Row;
  teamHistory: Array<{ teamId: string | null; teamName: string | null }>;
  actedOn: Array<{ table: string; id: string; column: string }>;
  auditLog: Array<{ id: string; relations: string[]; details: unknown }>;
  events: ExportedEvent[];
};

const NOTE = 'Sent home: pain in the lower back (subject-access note)';
const CHECK_IN_NOTES = 'Back hurts since the night shift (subject-access)';

let api: TestApi;
let logs: CapturedLogs;
let served: ServedApp;
let owner: pg.Client;
let company: CompanyFixture;
let other: CompanyFixture;
let subject: Awaited<ReturnType<typeof personFixture>>;
let peer: Awaited<ReturnType<typeof personFixture>>;
let lead: Awaited<ReturnType<typeof personFixture>>;
let whs: Awaited<ReturnType<typeof personFixture>>;
let otherPerson: Awaited<ReturnType<typeof personFixture>>;
let subjectAlertId: string;
let peerCheckInId: string;
let peerAlertId: string;
/** The subject's first team and the one they moved to. */
let teams: string[];

const download = (personId: string, cookie: string | null, headers: Record<string, string> = {}) =>
  fetch(`${served.url}${subjectAccessPath(personId)}`, {
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });

async function exportOf(personId: string): Promise<{ text: string; document: SubjectAccess }> {
  const response = await download(personId, sessionCookieOf(company.admin));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, document: JSON.parse(text) as SubjectAccess };
}

async function ownerRows(sql: string, params: unknown[]): Promise<Row[]> {
  return (await owner.query<Row>(sql, params)).rows;
}

async function redCheckIn(person: typeof subject): Promise<{ checkInId: string; alertId: string }> {
  const checkIn = await person.client.api.checkIn.submit({
    ...GOOD_CHECK_IN,
    painLevel: 8,
    painLocation: 'lower_back',
    notes: CHECK_IN_NOTES,
  });
  const [alert] = await ownerRows('SELECT id FROM readiness_alerts WHERE person_id = $1', [
    person.id,
  ]);
  if (!alert) throw new Error('the RED check-in raised no alert');
  return { checkInId: checkIn.id, alertId: String(alert.id) };
}

beforeAll(async () => {
  logs = captureLogs();
  api = await createTestApi({ logger: logs.logger });
  owner = new pg.Client({ connectionString: api.ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  served = await serveApp(api);
  // Friday 2026-11-27, 07:00 in Berlin: inside the teams' 06:00–10:00 window.
  fixClock(api, berlin('07:00'));
  company = await companyFixture(api);
  other = await companyFixture(api);
  otherPerson = await personFixture(api, other, 'WORKER');

  const team = await teamFixture(api, company);
  const secondTeam = await teamFixture(api, company);
  lead = team.lead;
  whs = await personFixture(api, company, 'WHS');
  subject = await personFixture(api, company, 'WORKER', { teamId: team.id });
  peer = await personFixture(api, company, 'WORKER', { teamId: team.id });

  // Check-in, alert and a countermeasure (by the lead); the peer's too, which must stay out.
  ({ alertId: subjectAlertId } = await redCheckIn(subject));
  ({ checkInId: peerCheckInId, alertId: peerAlertId } = await redCheckIn(peer));
  await lead.client.api.alerts.recordCountermeasure({
    alertId: subjectAlertId,
    type: 'SENT_HOME',
    note: NOTE,
  });
  // A miss, leave and a pending move to another team.
  await executeCommand(api.db, company.actor, async () => [
    event('MISSED_CHECK_IN_DETECTED', {
      id: randomUUID(),
      personId: subject.id,
      teamId: team.id,
      localDate: '2026-11-26',
      detectedAt: berlin('10:05', '2026-11-26').toISOString(),
      snapshot: null,
    }),
  ]);
  await company.admin.api.leave.record({
    personId: subject.id,
    type: 'SICK',
    startDate: '2026-12-07',
    endDate: '2026-12-08',
    note: 'Doctor’s note handed in',
  });
  await company.admin.api.teams.assignMember({ personId: subject.id, teamId: secondTeam.id });
  // The move completes the next morning (the job's event, appended here).
  const [transfer] = await ownerRows('SELECT id FROM team_transfers WHERE person_id = $1', [
    subject.id,
  ]);
  await executeCommand(api.db, company.actor, async () => [
    event('TEAM_TRANSFER_COMPLETED', {
      transferId: String(transfer?.id),
      personId: subject.id,
      fromTeamId: team.id,
      toTeamId: secondTeam.id,
      effectiveOn: '2026-11-28',
      completedAt: berlin('00:00', '2026-11-28').toISOString(),
    }),
  ]);
  teams = [team.id, secondTeam.id];
  // An incident they reported (approved: a case with a note) and one a colleague reported
  // naming them as involved.
  const occurredAt = berlin('06:30').toISOString();
  const reported = await subject.client.api.incidents.report({
    type: 'INJURY',
    severity: 'MEDIUM',
    title: 'Strained back lifting a crate',
    location: 'Dock 3',
    description: 'Lifted a crate alone; felt a pull in the lower back.',
    occurredAt,
    peopleInvolvedIds: [],
  });
  const approved = await whs.client.api.incidents.approve({ incidentId: reported.id });
  if (!approved.case) throw new Error('approval opened no case');
  const caseId = approved.case.id;
  await executeCommand(api.db, { companyId: company.companyId, actorId: whs.id }, async () => [
    sealedFor(
      subject.id,
      event('CASE_NOTE_ADDED', {
        id: caseId,
        noteId: randomUUID(),
        authorId: whs.id,
        text: 'Spoke to the worker',
        addedAt: berlin('07:30').toISOString(),
      }),
    ),
  ]);
  await peer.client.api.incidents.report({
    type: 'NEAR_MISS',
    severity: 'LOW',
    title: 'Crate nearly fell',
    location: null,
    description: 'A crate slid off the pallet next to a colleague.',
    occurredAt,
    peopleInvolvedIds: [subject.id],
  });
  // An API token in their name (as if issued while they were an admin) and a failed login.
  await executeCommand(api.db, company.actor, async () => [
    event('API_TOKEN_CREATED', {
      id: randomUUID(),
      name: 'Subject token',
      scope: 'READ_ONLY',
      prefix: 'aegira_subj',
      createdById: subject.id,
      expiresAt: null,
    }),
  ]);
  await expect(
    api.client().api.auth.login({
      company: company.slug,
      email: subject.email,
      password: 'not the password at all',
    }),
  ).rejects.toThrow();
  // The failure is recorded beside the login, not in its path: wait for it.
  for (let tries = 0; tries < 100; tries += 1) {
    const rows = await ownerRows('SELECT 1 FROM login_failures WHERE person_id = $1', [subject.id]);
    if (rows.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 120_000);

afterAll(async () => {
  await served?.close();
  await owner?.end();
  await api?.close();
});

describe('GET /api/people/:id/subject-access', () => {
  it('lists every row of every registered table that names the person, and those it leads to', async () => {
    const { document } = await exportOf(subject.id);
    const expected = new Map<RowSection, Row[]>();
    for (const entry of PERSON_COLUMNS) {
      if (entry.kind !== 'rows') continue;
      const match = entry.array ? `$1::uuid = ANY("${entry.column}")` : `"${entry.column}" = $1`;
      const rows = await ownerRows(`SELECT * FROM "${entry.table}" WHERE ${match}`, [subject.id]);
      expected.set(entry.section, [...(expected.get(entry.section) ?? []), ...rows]);
    }
    for (const follow of FOLLOWED_ROWS) {
      const ids = (expected.get(follow.of) ?? []).map((row) => row.id);
      const rows = await ownerRows(
        `SELECT * FROM "${follow.table}" WHERE "${follow.column}" = ANY($1::uuid[])`,
        [ids],
      );
      expected.set(follow.section, [...(expected.get(follow.section) ?? []), ...rows]);
    }
    for (const [section, rows] of expected) {
      // The world above gives the person at least one record in every table.
      expect(rows.length, `no ${section} row was made for the test`).toBeGreaterThan(0);
      const exported = document[section];
      const ids = (list: Row[]) =>
        new Set(list.map((row) => row.id ?? row.personId ?? row.person_id));
      expect(ids(exported), section).toEqual(ids(rows));
      if (section !== 'personVersions') expect(exported).toHaveLength(ids(rows).size);
    }
    expect(document.person).toMatchObject({ id: subject.id, email: subject.email });
    expect(document.incidents).toHaveLength(2);
    // Their team history: the first team until the move, the second since.
    expect(document.teamHistory).toEqual([
      expect.objectContaining({
        teamId: teams[0],
        assignedOn: '2026-01-01',
        until: expect.any(String),
      }),
      expect.objectContaining({ teamId: teams[1], assignedOn: '2026-11-28', until: null }),
    ]);
    expect(document.person.teamId).toBe(teams[1]);
    expect(Date.parse(document.generatedAt)).not.toBeNaN();
  });

  it('lists every event about the person, with its payload read as every reader reads it', async () => {
    const { document, text } = await exportOf(subject.id);
    const recordIds = Object.values(document)
      .filter(Array.isArray)
      .flat()
      .flatMap((row: Row) => (typeof row.id === 'string' ? [row.id] : []));
    // Cross-checked by another search: the entity, or the id anywhere in the payload's text.
    const fromLog = await ownerRows(
      `SELECT id FROM events
       WHERE entity_id = ANY($2::uuid[]) OR entity_id = $1 OR actor_id = $1
          OR payload::text LIKE '%' || $1::text || '%'`,
      [subject.id, recordIds],
    );
    const exportedIds = new Set(document.events.map((entry) => entry.id));
    for (const row of fromLog) expect(exportedIds.has(String(row.id))).toBe(true);
    for (const type of [
      'PERSON_CREATED',
      'CHECK_IN_SUBMITTED',
      'READINESS_ALERT_RAISED',
      'COUNTERMEASURE_RECORDED',
      'MISSED_CHECK_IN_DETECTED',
      'LEAVE_RECORDED',
      'TEAM_TRANSFER_INITIATED',
      'INCIDENT_REPORTED',
      'INCIDENT_APPROVED',
      'CASE_OPENED',
      'CASE_NOTE_ADDED',
      'API_TOKEN_CREATED',
    ]) {
      expect(document.events.map((entry) => entry.type)).toContain(type);
    }
    // Health data in full, opened from its sealed form: never the stored ciphertext.
    const checkIn = document.events.find((entry) => entry.type === 'CHECK_IN_SUBMITTED');
    expect(checkIn?.payload).toMatchObject({ inputs: { painLevel: 8, notes: CHECK_IN_NOTES } });
    expect(text).not.toContain('$sealed');
    expect(text).toContain(NOTE);
    // The audit trail: what admins did to them (their person, their leave).
    expect(document.auditLog.some((entry) => entry.relations.includes('subject'))).toBe(true);
    expect(document.auditLog.some((entry) => entry.relations.includes('record'))).toBe(true);
  });

  it('holds no other person’s or company’s records, and no secret', async () => {
    const { document, text } = await exportOf(subject.id);
    expect(text).not.toContain(peerCheckInId);
    expect(text).not.toContain(peerAlertId);
    expect(text).not.toContain(other.companyId);
    expect(text).not.toContain(otherPerson.id);
    // Credentials as metadata: the hash and the sealing key stay in the database.
    const [credential] = await ownerRows(
      'SELECT password_hash FROM person_credentials WHERE person_id = $1',
      [subject.id],
    );
    expect(String(credential?.password_hash)).toMatch(/\S{20,}/);
    expect(text).not.toContain(String(credential?.password_hash));
    expect(document.credentials[0]).not.toHaveProperty('passwordHash');
    const [key] = await ownerRows(
      "SELECT encode(key, 'hex') AS hex, encode(key, 'base64') AS base64 FROM person_keys WHERE person_id = $1",
      [subject.id],
    );
    for (const form of [key?.hex, key?.base64]) expect(text).not.toContain(String(form));
    expect(document.encryptionKeys[0]).not.toHaveProperty('key');
    expect(text).not.toMatch(/password_?hash|token_?hash/i);
  });

  it('gives someone who only acted on another’s records references, not their content', async () => {
    const { document, text } = await exportOf(lead.id);
    expect(document.actedOn).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: 'readiness_alerts',
          id: subjectAlertId,
          column: 'lead_id',
        }),
        expect.objectContaining({ table: 'countermeasures', column: 'recorded_by_id' }),
        expect.objectContaining({ table: 'teams', column: 'leader_id' }),
      ]),
    );
    // The countermeasure names the lead: shown, but the worker's health content is not.
    const countermeasure = document.events.find(
      (entry) =>
        entry.type === 'COUNTERMEASURE_RECORDED' && entry.payload?.alertId === subjectAlertId,
    );
    expect(countermeasure).toMatchObject({ shown: 'without-sensitive' });
    expect(countermeasure?.payload?.note).toBe(REDACTED);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(CHECK_IN_NOTES);
  });

  it('answers with a JSON attachment named by the person and the date', async () => {
    const response = await download(subject.id, sessionCookieOf(company.admin));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="subject-access-${subject.id}-2026-11-27.json"`,
    );
  });

  it('refuses everyone but an admin of the person’s company', async () => {
    logs.clear();
    const refused = await download(subject.id, sessionCookieOf(whs.client));
    expect(refused.status).toBe(403);
    expect(logs.security('permission_refused')).toEqual([
      expect.objectContaining({
        requestId: refused.headers.get('x-request-id'),
        actorId: whs.id,
        procedure: '/api/people/:id/subject-access',
      }),
    ]);
    expect((await download(subject.id, sessionCookieOf(subject.client))).status).toBe(403);
    expect((await download(subject.id, null)).status).toBe(401);
    // Never by API token, even with a valid session beside it.
    expect(
      (
        await download(subject.id, sessionCookieOf(company.admin), {
          authorization: 'Bearer aegira_x_y',
        })
      ).status,
    ).toBe(401);
    // Another company's admin does not find the person; nor does an admin an unknown id.
    expect((await download(subject.id, sessionCookieOf(other.admin))).status).toBe(404);
    expect((await download(otherPerson.id, sessionCookieOf(company.admin))).status).toBe(404);
    const unknown = await download(randomUUID(), sessionCookieOf(company.admin));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { message: 'No person with this id in your company.' },
    });
    const bad = await download('not-an-id', sessionCookieOf(company.admin));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { fieldErrors: { id: ['must be a person id'] } },
    });
  });
});

describe('the registry of person columns', () => {
  it('names every column that references persons, by foreign key or as a uuid column', async () => {
    const registered = new Set(PERSON_COLUMNS.map((entry) => `${entry.table}.${entry.column}`));
    // Foreign keys to persons (single or composite (company_id, x)): x must be registered.
    const foreign = await ownerRows(
      `SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
       FROM pg_constraint c
       JOIN unnest(c.conkey) AS k(attnum) ON true
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'f' AND c.confrelid = 'persons'::regclass AND a.attname <> 'company_id'`,
      [],
    );
    expect(foreign.length).toBeGreaterThan(20);
    for (const row of foreign) {
      expect(registered, `foreign key ${row.table_name}.${row.column_name}`).toContain(
        `${row.table_name}.${row.column_name}`,
      );
    }
    // Every uuid column of the schema is either registered or known to name something else,
    // so a person column without a foreign key (an array, a history table) is not missed.
    const columns = await ownerRows(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND udt_name IN ('uuid', '_uuid')`,
      [],
    );
    const unclassified = columns
      .map((row) => `${row.table_name}.${row.column_name}`)
      .filter((name) => !registered.has(name) && !namesSomethingElse(name));
    expect(unclassified).toEqual([]);
    // And every registered column exists.
    const existing = new Set(columns.map((row) => `${row.table_name}.${row.column_name}`));
    for (const name of registered) expect(existing, name).toContain(name);
  });
});

/** uuid columns that name no person: own ids, companies, events, teams, and the rest by name. */
function namesSomethingElse(qualified: string): boolean {
  const [table, column = ''] = qualified.split('.');
  if (column === 'id') return table !== 'persons' && table !== 'person_versions';
  if (['company_id', 'event_id', 'event_ids', 'actor_token_id'].includes(column)) return true;
  if (column.endsWith('team_id')) return true;
  return NOT_PERSONS.has(qualified);
}

const NOT_PERSONS = new Set([
  'api_token_secrets.token_id',
  'missed_check_ins.resolved_by_check_in_id',
  'readiness_alerts.check_in_id',
  'countermeasures.alert_id',
  'incidents.case_id',
  'cases.incident_id',
  'case_notes.case_id',
]);

// Last: it erases the subject's health data (PERSON_ERASED destroys their key).
describe('after the person’s health data is erased', () => {
  it('exports the erased fields as erased, and never their ciphertext', async () => {
    await executeCommand(api.db, company.actor, async () => [
      event('PERSON_ERASED', {
        id: subject.id,
        reason: 'Former employee asked for erasure',
        erasedById: company.adminId,
        erasedAt: berlin('08:00').toISOString(),
      }),
    ]);
    const { document, text } = await exportOf(subject.id);
    const checkIn = document.events.find((entry) => entry.type === 'CHECK_IN_SUBMITTED');
    expect(checkIn).toMatchObject({
      erased: true,
      shown: 'all',
      payload: { inputs: { painLevel: ERASED, notes: ERASED } },
    });
    expect(text).not.toContain(CHECK_IN_NOTES);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('$sealed');
    expect(document.encryptionKeys[0]?.destroyedAt).toEqual(expect.any(String));
    // The records themselves are still listed, only their health content is gone.
    expect(document.checkIns).toHaveLength(1);
    expect(document.events.map((entry) => entry.type)).toContain('PERSON_ERASED');
  });
});
