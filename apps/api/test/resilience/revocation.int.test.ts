import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { event, executeCommand } from '@aegira/db';
import { EventType } from '@aegira/events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  failureOf,
  type TestApi,
  type TestClient,
  useTestApi,
} from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import { gate, ownerClient } from '../../test-support/fault-support.ts';
import {
  type CompanyFixture,
  companyFixture,
  FIXTURE_PASSWORD,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../../test-support/fixtures.ts';

// Credentials re-checked inside the write transaction (AU-3, AU-9, revocation in flight;
// packages/db/src/credential-check.ts, decision 035).

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

/** Another "browser" holding a copy of a session token taken earlier. */
function holding(token: string | null): TestClient {
  if (!token) throw new Error('the client has no session token');
  const client = api.client();
  client.token = token;
  return client;
}

async function worker(company: CompanyFixture) {
  const team = await teamFixture(api, company);
  return personFixture(api, company, 'WORKER', { teamId: team.id });
}

/** Polls pg_stat_activity until a backend waits on a lock while running `queryPart`. */
async function waitUntilBlocked(queryPart: string, count = 1): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await owner.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [`%${queryPart}%`],
    );
    if (Number(rows[0]?.n) >= count) return;
    await sleep(20);
  }
  throw new Error(`no backend blocked on a lock in ${queryPart}`);
}

async function eventPosition(type: string, entityId: string): Promise<bigint> {
  const { rows } = await owner.query<{ position: string }>(
    'SELECT position::text FROM events WHERE type = $1 AND entity_id = $2',
    [type, entityId],
  );
  const position = rows[0]?.position;
  if (!position) throw new Error(`no ${type} event of ${entityId}`);
  return BigInt(position);
}

async function issueToken(company: CompanyFixture): Promise<{ id: string; token: string }> {
  const created = await company.admin.api.apiTokens.create({ name: 'Integration', scope: 'ADMIN' });
  return { id: created.apiToken.id, token: created.token };
}

function tokenClient(token: string): TestClient {
  const client = api.client();
  client.bearer = token;
  return client;
}

let dayCounter = 0;
function freshDate(): string {
  dayCounter += 1;
  return new Date(Date.UTC(2033, 0, 1) + dayCounter * 86_400_000).toISOString().slice(0, 10);
}

describe('revocation reaches requests already let in', () => {
  it('AU-3: after logout, a password change, a role change or deactivation the old token gets 401 on its next request', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);

    const loggedOut = await worker(company);
    const beforeLogout = holding(loggedOut.client.token);
    await loggedOut.client.api.auth.logout();
    expect((await failureOf(beforeLogout.api.profile.get())).code).toBe('UNAUTHORIZED');

    const changed = await worker(company);
    const beforeChange = holding(changed.client.token);
    await changed.client.api.profile.changePassword({
      currentPassword: FIXTURE_PASSWORD,
      newPassword: `${FIXTURE_PASSWORD}-renewed`,
    });
    expect((await failureOf(beforeChange.api.profile.get())).code).toBe('UNAUTHORIZED');
    await expect(changed.client.api.profile.get()).resolves.toMatchObject({ id: changed.id });

    const promoted = await worker(company);
    await company.admin.api.people.changeRole({ personId: promoted.id, role: 'SUPERVISOR' });
    expect((await failureOf(promoted.client.api.profile.get())).code).toBe('UNAUTHORIZED');

    const deactivated = await worker(company);
    await company.admin.api.people.deactivate({ personId: deactivated.id, reason: 'left' });
    expect((await failureOf(deactivated.client.api.profile.get())).code).toBe('UNAUTHORIZED');
    const write = await failureOf(deactivated.client.api.checkIn.submit(GOOD_CHECK_IN));
    expect(write.code).toBe('UNAUTHORIZED');
  });

  it('AU-9: an inactive person whose token version still matches gets 401 on reads and writes', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const person = await worker(company);
    // Deactivated without moving the token version (as a bug or an old row could leave it).
    const writer = await ownerClient(api.ownerUrl);
    try {
      await writer.query('BEGIN');
      await writer.query("SELECT set_config('app.company_id', $1, true)", [company.companyId]);
      const eventId = randomUUID();
      await writer.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'PERSON_DEACTIVATED', 'person', $3, '{}', 1)`,
        [eventId, company.companyId, person.id],
      );
      await writer.query('UPDATE persons SET is_active = false, event_id = $1 WHERE id = $2', [
        eventId,
        person.id,
      ]);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    expect((await failureOf(person.client.api.profile.get())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(person.client.api.checkIn.today())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN))).code).toBe(
      'UNAUTHORIZED',
    );
    const rows = await owner.query('SELECT id FROM check_ins WHERE person_id = $1', [person.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('a session write let in before a logout commits after it gets 401 and writes nothing', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const person = await worker(company);
    const locked = gate();
    const release = gate();
    // The logout holds the person's row in its open transaction.
    const logout = executeCommand(api.db, company.actor, async (read) => {
      const rows = await read.$queryRaw<Array<{ token_version: number }>>`
        SELECT token_version FROM persons WHERE id = ${person.id}::uuid FOR UPDATE`;
      locked.open();
      await release.opened;
      return [
        event(EventType.PERSON_SESSIONS_REVOKED, {
          id: person.id,
          reason: 'logout',
          tokenVersion: (rows[0]?.token_version ?? 0) + 1,
        }),
      ];
    });
    await locked.opened;
    // The request passes the session check (the row still has the old version) ...
    const submit = failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
    // ... and its transaction waits for the logout on the credential's row lock.
    await waitUntilBlocked('FOR NO KEY UPDATE');
    release.open();
    await logout;
    const failure = await submit;
    expect(failure.code).toBe('UNAUTHORIZED');
    expect(failure.appCode).toBe('SESSION_EXPIRED');
    const rows = await owner.query('SELECT id FROM check_ins WHERE person_id = $1', [person.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('a token write in flight makes the revoke wait, and the revoke is ordered after it', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const { id: tokenId, token } = await issueToken(company);
    const holiday = await company.admin.api.holidays.create({ date: freshDate(), name: 'Locked' });
    const locker = await ownerClient(api.ownerUrl);
    try {
      // Something else holds the holiday, so the token's edit stops after its credential check.
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM holidays WHERE id = $1 FOR UPDATE', [holiday.id]);
      const write = tokenClient(token).api.holidays.update({
        holidayId: holiday.id,
        name: 'Edited',
      });
      await waitUntilBlocked('FROM holidays WHERE id');
      const revoke = company.admin.api.apiTokens.revoke({ id: tokenId });
      // The revoke waits too: on the issuer's row (its own credential check) or the token's.
      await waitUntilBlocked('', 2);
      await locker.query('COMMIT');
      await expect(write).resolves.toMatchObject({ name: 'Edited' });
      await expect(revoke).resolves.toMatchObject({ status: 'revoked' });
    } finally {
      await locker.end();
    }
    expect(await eventPosition('API_TOKEN_REVOKED', tokenId)).toBeGreaterThan(
      await eventPosition('HOLIDAY_UPDATED', holiday.id),
    );
  });

  it('a token write let in before a revoke commits after it gets 401 and writes nothing', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const { id: tokenId, token } = await issueToken(company);
    const locked = gate();
    const release = gate();
    const revoke = executeCommand(api.db, company.actor, async (read) => {
      await read.$queryRaw`SELECT id FROM api_tokens WHERE id = ${tokenId}::uuid FOR UPDATE`;
      locked.open();
      await release.opened;
      return [
        event(EventType.API_TOKEN_REVOKED, {
          id: tokenId,
          revokedById: company.adminId,
          revokedAt: new Date().toISOString(),
        }),
      ];
    });
    await locked.opened;
    const write = failureOf(
      tokenClient(token).api.holidays.create({ date: freshDate(), name: 'Too late' }),
    );
    await waitUntilBlocked('FROM api_tokens t JOIN persons');
    release.open();
    await revoke;
    const failure = await write;
    expect(failure.code).toBe('UNAUTHORIZED');
    expect(failure.appCode).toBe('INVALID_API_TOKEN');
    const created = await owner.query(
      `SELECT id FROM events WHERE company_id = $1 AND type = 'HOLIDAY_CREATED'`,
      [company.companyId],
    );
    expect(created.rowCount).toBe(0);
  });

  it('revoked API token cannot write after revoke returns: with writes in flight, none commits after the revoke', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const { id: tokenId, token } = await issueToken(company);
    const client = tokenClient(token);
    const writes: Array<Promise<unknown>> = [];
    const send = () => {
      const write = client.api.holidays.create({ date: freshDate(), name: 'In flight' });
      // Refusals settle while later writes are still being sent, before allSettled below
      // reads them: mark each handled now, or Node reports an unhandled rejection.
      write.catch(() => undefined);
      writes.push(write);
    };
    for (let index = 0; index < 12; index += 1) {
      send();
      await sleep(2);
    }
    const revoke = company.admin.api.apiTokens.revoke({ id: tokenId });
    for (let index = 0; index < 12; index += 1) {
      send();
      await sleep(2);
    }
    await revoke;
    const afterRevoke = Array.from({ length: 5 }, () =>
      failureOf(client.api.holidays.create({ date: freshDate(), name: 'After' })),
    );
    const outcomes = await Promise.allSettled(writes);
    const refused = await Promise.all(
      outcomes
        .filter((outcome) => outcome.status === 'rejected')
        .map((outcome) => failureOf(Promise.reject(outcome.reason))),
    );
    // An in-flight write is refused for its token, or, on a loaded machine, after waiting past
    // the app role's lock_timeout behind the revoke (503 DATABASE_BUSY, decision 034); either
    // way it did not commit, which the positions below check.
    for (const failure of refused) {
      expect(['INVALID_API_TOKEN', 'DATABASE_BUSY']).toContain(failure.appCode);
    }
    for (const failure of await Promise.all(afterRevoke)) {
      expect(failure.appCode).toBe('INVALID_API_TOKEN');
    }
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    // Each committed write held the token's row until it committed, so the revoke (which
    // locks that row before appending its event) is after every one of them in the log.
    const revokedAt = await eventPosition('API_TOKEN_REVOKED', tokenId);
    const { rows } = await owner.query<{ position: string }>(
      `SELECT position::text FROM events
       WHERE company_id = $1 AND type = 'HOLIDAY_CREATED' AND actor_token_id = $2`,
      [company.companyId, tokenId],
    );
    expect(rows).toHaveLength(succeeded);
    for (const row of rows) expect(BigInt(row.position)).toBeLessThan(revokedAt);
  });
});
