import { randomUUID } from 'node:crypto';
import { event } from '@aegira/db';
import { computeReadiness } from '@aegira/domain';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import {
  appendAt,
  checkInSubmitted,
  personCreated,
  teamCreated,
} from '../test-support/history-world.ts';

// State as of a past point (docs/decisions/038-state-as-of.md). A history appended at
// given instants of October 2026 (Berlin, UTC+2 until the 25th) through the write path's
// replay, so each date has its own state; each read as of a date must show exactly it.

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const at = (iso: string) => new Date(iso);
let company: CompanyFixture;
let lead: Awaited<ReturnType<typeof personFixture>>;
const ids = { alpha: '', bravo: '', w: '', v: '', checkIn: '', transfer: '' };
const AMENDED = { ...GOOD_CHECK_IN, painLocation: null, notes: null, stressLevel: 9 };

async function eventId(type: string, entityId: string): Promise<string> {
  const found = await owner.query<{ id: string }>(
    'SELECT id FROM events WHERE type = $1 AND entity_id = $2 ORDER BY position LIMIT 1',
    [type, entityId],
  );
  const id = found.rows[0]?.id;
  if (!id) throw new Error(`no ${type} event of ${entityId}`);
  return id;
}

beforeAll(async () => {
  company = await companyFixture(api);
  lead = await personFixture(api, company, 'TEAM_LEAD');
  const leadB = personCreated('TEAM_LEAD', null, null);
  const alpha = teamCreated(lead.id, null, 'Alpha');
  const bravo = teamCreated(leadB.payload.id, null, 'Bravo');
  ids.alpha = alpha.payload.id;
  ids.bravo = bravo.payload.id;
  const w = personCreated('WORKER', ids.alpha, '2026-10-01');
  const v = personCreated('WORKER', ids.alpha, '2026-10-01');
  ids.w = w.payload.id;
  ids.v = v.payload.id;
  await appendAt(api, company, at('2026-10-01T10:00:00Z'), [leadB, alpha, bravo, w, v]);

  const submitted = checkInSubmitted(ids.w, ids.alpha, '2026-10-05', { hhmm: '07:00' });
  ids.checkIn = submitted.payload.id;
  await appendAt(api, company, at('2026-10-05T05:30:00Z'), [submitted]);
  await appendAt(api, company, at('2026-10-05T12:00:00Z'), [
    event('CHECK_IN_UPDATED', {
      id: ids.checkIn,
      version: 2,
      inputs: AMENDED,
      scores: computeReadiness(AMENDED),
      amendedAt: '2026-10-05T12:00:00.000Z',
    }),
  ]);
  await appendAt(api, company, at('2026-10-10T10:00:00Z'), [
    event('TEAM_UPDATED', { id: ids.alpha, changes: { name: 'Alpha Renamed' } }),
    event('PERSON_UPDATED', { id: ids.w, changes: { lastName: 'Newname' } }),
  ]);
  ids.transfer = randomUUID();
  const move = {
    transferId: ids.transfer,
    personId: ids.w,
    fromTeamId: ids.alpha,
    toTeamId: ids.bravo,
    effectiveOn: '2026-10-20',
  };
  await appendAt(api, company, at('2026-10-15T10:00:00Z'), [
    event('TEAM_TRANSFER_INITIATED', move),
  ]);
  await appendAt(api, company, at('2026-10-19T22:05:00Z'), [
    event('TEAM_TRANSFER_COMPLETED', { ...move, completedAt: '2026-10-19T22:05:00.000Z' }),
  ]);
  await appendAt(api, company, at('2026-10-22T10:00:00Z'), [
    event('PERSON_DEACTIVATED', {
      id: ids.v,
      reason: 'left the company',
      deactivatedAt: '2026-10-22T10:00:00.000Z',
      deactivatedById: company.adminId,
      tokenVersion: 1,
    }),
  ]);
});

const admin = () => company.admin.api;
const teamOn = (id: string, date: string) => admin().teams.get({ id, asOf: { date } });
const personOn = (id: string, date: string) => admin().people.get({ id, asOf: { date } });
const memberIds = (team: Awaited<ReturnType<typeof teamOn>>) =>
  team.members.map((member) => member.id).sort();

describe('a team as of a date', () => {
  it('did not exist before it was created: NOT_FOUND naming the date', async () => {
    const failure = await failureOf(teamOn(ids.alpha, '2026-09-30'));
    expect(failure.code).toBe('NOT_FOUND');
    expect(failure.message).toContain('did not exist on 2026-09-30');
  });

  it('shows its name, members and their check-in of each date as they were', async () => {
    const first = await teamOn(ids.alpha, '2026-10-01');
    expect(first.team.name).toBe('Alpha');
    expect(first.localDate).toBe('2026-10-01');
    expect(memberIds(first)).toEqual([ids.v, ids.w].sort());
    expect(first.team.memberCount).toBe(2);
    expect(first.members.find((m) => m.id === ids.w)?.today?.status).not.toBe('checked_in');
    // The end of 1 October in Berlin (UTC+2).
    expect(first.asOf).toEqual({ at: '2026-10-01T21:59:59.999Z', position: null });

    const checkInDay = await teamOn(ids.alpha, '2026-10-05');
    const today = checkInDay.members.find((m) => m.id === ids.w)?.today;
    expect(today).toMatchObject({
      status: 'checked_in',
      checkInId: ids.checkIn,
      readinessScore: computeReadiness(AMENDED).readinessScore,
    });
    // Before the amendment, the first version's score.
    const morning = await admin().teams.get({
      id: ids.alpha,
      asOf: { at: '2026-10-05T09:00:00Z' },
    });
    expect(morning.members.find((m) => m.id === ids.w)?.today).toMatchObject({
      status: 'checked_in',
      readinessScore: computeReadiness(GOOD_CHECK_IN).readinessScore,
    });

    expect((await teamOn(ids.alpha, '2026-10-09')).team.name).toBe('Alpha');
    expect((await teamOn(ids.alpha, '2026-10-10')).team.name).toBe('Alpha Renamed');
  });

  it('follows a transfer: pending, then the member of the other team', async () => {
    const pending = await teamOn(ids.alpha, '2026-10-16');
    expect(memberIds(pending)).toEqual([ids.v, ids.w].sort());
    expect(pending.members.find((m) => m.id === ids.w)?.pendingTransfer).toMatchObject({
      id: ids.transfer,
      toTeam: { id: ids.bravo },
      effectiveOn: '2026-10-20',
      status: 'PENDING',
    });
    const incoming = await teamOn(ids.bravo, '2026-10-16');
    expect(incoming.members).toEqual([]);
    expect(incoming.incomingTransfers.map((t) => t.id)).toEqual([ids.transfer]);

    const after = await teamOn(ids.alpha, '2026-10-20');
    expect(memberIds(after)).toEqual([ids.v]);
    const bravo = await teamOn(ids.bravo, '2026-10-20');
    expect(memberIds(bravo)).toEqual([ids.w]);
    expect(bravo.incomingTransfers).toEqual([]);
  });

  it('keeps a deactivated member listed as inactive, not counted', async () => {
    const before = await teamOn(ids.alpha, '2026-10-21');
    expect(before.team.memberCount).toBe(1);
    const after = await teamOn(ids.alpha, '2026-10-22');
    expect(after.members).toMatchObject([{ id: ids.v, isActive: false }]);
    expect(after.team.memberCount).toBe(0);
    expect(after.members[0]?.today).toEqual({ status: 'not_due', reason: 'inactive' });
  });

  it('a present read says so: asOf is null', async () => {
    const now = await admin().teams.get({ id: ids.alpha });
    expect(now.asOf).toBeNull();
    expect(now.team.name).toBe('Alpha Renamed');
  });
});

describe('a person as of a date', () => {
  it('shows the old name, team, pending move and activity of each date', async () => {
    expect(await personOn(ids.w, '2026-10-09')).toMatchObject({
      lastName: w0LastName(),
      team: { id: ids.alpha, name: 'Alpha' },
      pendingTransfer: null,
    });
    expect((await personOn(ids.w, '2026-10-10')).lastName).toBe('Newname');
    expect(await personOn(ids.w, '2026-10-16')).toMatchObject({
      team: { id: ids.alpha, name: 'Alpha Renamed' },
      pendingTransfer: { id: ids.transfer, effectiveOn: '2026-10-20' },
    });
    expect(await personOn(ids.w, '2026-10-20')).toMatchObject({
      team: { id: ids.bravo },
      teamAssignedOn: '2026-10-20',
      pendingTransfer: null,
    });
    expect(await personOn(ids.v, '2026-10-21')).toMatchObject({ isActive: true });
    expect(await personOn(ids.v, '2026-10-22')).toMatchObject({
      isActive: false,
      deactivationReason: 'left the company',
    });
    const failure = await failureOf(personOn(ids.w, '2026-09-01'));
    expect(failure).toMatchObject({ code: 'NOT_FOUND' });
    expect(failure.message).toContain('did not exist on 2026-09-01');
    expect((await admin().people.get({ id: ids.w })).asOf).toBeNull();
  });
});

/** W's last name as created (personCreated names people by their id). */
function w0LastName(): string {
  return ids.w.slice(0, 4);
}

describe('a check-in as of a point in the past', () => {
  it('shows the version of the time, and only the versions recorded by then', async () => {
    const first = await admin().checkIn.get({
      id: ids.checkIn,
      asOf: { at: '2026-10-05T09:00:00Z' },
    });
    expect(first.checkIn.inputs?.stressLevel).toBe(GOOD_CHECK_IN.stressLevel);
    expect(first.checkIn.version).toBe(1);
    expect(first.versions.map((v) => v.type)).toEqual(['CHECK_IN_SUBMITTED']);
    expect(first.asOf).toEqual({ at: '2026-10-05T09:00:00.000Z', position: null });

    const amended = await admin().checkIn.get({ id: ids.checkIn, asOf: { date: '2026-10-05' } });
    expect(amended.checkIn.inputs?.stressLevel).toBe(9);
    expect(amended.checkIn.amendedAt).toBe('2026-10-05T12:00:00.000Z');
    expect(amended.versions).toHaveLength(2);

    const before = await failureOf(
      admin().checkIn.get({ id: ids.checkIn, asOf: { date: '2026-10-04' } }),
    );
    expect(before.code).toBe('NOT_FOUND');
    expect(before.message).toContain('did not exist on 2026-10-04');
  });
});

describe('the cut', () => {
  it('refuses a date or an instant in the future with a clear message', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const date = await failureOf(teamOn(ids.alpha, tomorrow));
    expect(date.code).toBe('BAD_REQUEST');
    expect(date.message).toMatch(/asOf\.date: must not be in the future/);
    const instant = await failureOf(
      admin().people.get({
        id: ids.w,
        asOf: { at: new Date(Date.now() + 3_600_000).toISOString() },
      }),
    );
    expect(instant.code).toBe('BAD_REQUEST');
    expect(instant.message).toMatch(/asOf\.at: must not be in the future/);
  });

  it('refuses a malformed asOf, naming the field and what is allowed', async () => {
    const empty = await failureOf(
      admin().teams.get({ id: ids.alpha, asOf: {} as unknown as { date: string } }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(empty.fieldErrors)).toContain('must be one of');
    const badDate = await failureOf(teamOn(ids.alpha, '2026-13-01'));
    expect(badDate.code).toBe('BAD_REQUEST');
    expect(badDate.fieldErrors?.['asOf.date']).toBeDefined();
  });

  it('after an event: the state up to and including its log position', async () => {
    const rename = await eventId('TEAM_UPDATED', ids.alpha);
    const created = await eventId('TEAM_CREATED', ids.alpha);
    const renamed = await admin().teams.get({ id: ids.alpha, asOf: { afterEventId: rename } });
    expect(renamed.team.name).toBe('Alpha Renamed');
    const position = await owner.query<{ position: string }>(
      'SELECT position::text FROM events WHERE id = $1',
      [rename],
    );
    expect(renamed.asOf).toEqual({
      at: '2026-10-10T10:00:00.000Z',
      position: position.rows[0]?.position,
    });
    const original = await admin().teams.get({ id: ids.alpha, asOf: { afterEventId: created } });
    expect(original.team.name).toBe('Alpha');
  });

  it("another company's event, or an unknown one, is NOT_FOUND", async () => {
    const other = await companyFixture(api);
    const foreign = await eventId('PERSON_CREATED', other.adminId);
    for (const afterEventId of [foreign, randomUUID()]) {
      const failure = await failureOf(admin().teams.get({ id: ids.alpha, asOf: { afterEventId } }));
      expect(failure.code).toBe('NOT_FOUND');
      expect(failure.message).toContain('asOf.afterEventId');
    }
  });
});

describe('access as of a date', () => {
  it("is the present read's: a lead reads their team then, never another team", async () => {
    const own = await lead.client.api.teams.get({ id: ids.alpha, asOf: { date: '2026-10-05' } });
    expect(own.members.find((m) => m.id === ids.w)?.today?.status).toBe('checked_in');
    const other = await teamFixture(api, company);
    const failure = await failureOf(
      other.lead.client.api.teams.get({ id: ids.alpha, asOf: { date: '2026-10-05' } }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    // A worker no longer in the lead's team is not theirs to read as of any date either.
    const moved = await failureOf(
      lead.client.api.people.get({ id: ids.w, asOf: { date: '2026-10-05' } }),
    );
    expect(moved.code).toBe('NOT_FOUND');
  });

  it("TI-2: another company's admin gets NOT_FOUND as of any date, as today", async () => {
    const other = await companyFixture(api);
    // Sent one at a time: a refusal settling before its turn would be an unhandled rejection.
    for (const call of [
      () => other.admin.api.teams.get({ id: ids.alpha, asOf: { date: '2026-10-05' } }),
      () => other.admin.api.people.get({ id: ids.w, asOf: { date: '2026-10-05' } }),
      () => other.admin.api.checkIn.get({ id: ids.checkIn, asOf: { date: '2026-10-05' } }),
    ]) {
      const failure = await failureOf(call());
      expect(failure.code).toBe('NOT_FOUND');
      expect(failure.message).not.toContain('did not exist');
    }
  });

  it("a lead's cut after an event must be an event of the entity read", async () => {
    const renameOfTeam = await eventId('TEAM_UPDATED', ids.alpha);
    const ofPerson = await eventId('PERSON_UPDATED', ids.w);
    const own = await lead.client.api.teams.get({
      id: ids.alpha,
      asOf: { afterEventId: renameOfTeam },
    });
    expect(own.team.name).toBe('Alpha Renamed');
    const failure = await failureOf(
      lead.client.api.teams.get({ id: ids.alpha, asOf: { afterEventId: ofPerson } }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });
});
