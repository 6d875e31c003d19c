import { addDays } from '@aegira/domain';
import { EVENT_SCHEMA_VERSION, type EventType, parseEventPayload } from '@aegira/events';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnedDatabase, type OwnedDatabase } from '../../test-support/fresh-database.ts';
import { createDb, type Db } from '../client.ts';
import { compareCompany } from '../rebuild/compare-company.ts';
import { rebuildCompany } from '../rebuild/rebuild-company.ts';
import { type LoggedEvent, replayCompanyEvents } from '../replay.ts';
import { companyKeyRing } from '../sealing/person-keys.ts';
import { event, sealedFor } from '../write-path.ts';
import { openBulkTarget, prepareBatch, storeEntries, writeBatch } from './bulk-append.ts';
import { bulkSeedHistory } from './bulk-history.ts';
import { type SeededCompany, seedCompany } from './company.ts';
import { type HistoryCounts, historyDays, seedHistory } from './history.ts';

// The bulk seed (`pnpm db:seed --workers --days`, decision 037) writes, batch by batch with
// COPY, exactly what the write path writes for the same history: the same log (up to fresh
// ids), and tables equal to what both the rebuild and the write path's own applier make of it.

const FROM = '2026-10-01';
const TO = addDays(FROM, 19);
// More misses and late check-ins than the default, so misses resolved by a late check-in,
// alerts and countermeasures all occur in a small company.
const HISTORY = { from: FROM, to: TO, seed: 7, missRate: 0.1, lateRate: 0.2 };

interface Side extends OwnedDatabase {
  db: Db;
}

async function openSide(): Promise<Side> {
  const side = await createOwnedDatabase();
  return { ...side, db: createDb(side.database.appUrl) };
}

async function closeSide(side: Side | undefined) {
  await side?.owner.end();
  await side?.db.$disconnect();
  await side?.database.drop();
}

function seedSmallCompany(db: Db): Promise<SeededCompany> {
  return seedCompany(db, {
    workers: 30,
    teamSize: { min: 8, max: 12 },
    teamsPerSupervisor: 2,
    assignedOn: addDays(FROM, -1),
    at: new Date(`${addDays(FROM, -1)}T08:00:00Z`),
    seed: 7,
  });
}

async function companyLog(owner: pg.Client, companyId: string): Promise<LoggedEvent[]> {
  const result = await owner.query<{
    id: string;
    actor_id: string | null;
    actor_token_id: string | null;
    type: EventType;
    entity_type: string;
    entity_id: string;
    payload: unknown;
    schema_version: number;
    created_at: Date;
  }>('SELECT * FROM events WHERE company_id = $1 ORDER BY position', [companyId]);
  return result.rows.map((row) => ({
    id: row.id,
    companyId,
    actorId: row.actor_id,
    actorTokenId: row.actor_token_id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    payload: row.payload,
    schemaVersion: row.schema_version,
    createdAt: row.created_at,
  }));
}

/** The log with each payload's sealed fields opened (random IVs make sealed text differ). */
async function openedLog(owner: pg.Client, companyId: string): Promise<LoggedEvent[]> {
  const keys = await companyKeyRing(owner, companyId);
  return (await companyLog(owner, companyId)).map((event) => ({
    ...event,
    payload: keys.open(event.id, event.payload).payload,
  }));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The history part of a log with every id replaced by the order it first appears in (ids are
 * random; the seeded generator draws the same events in the same order whatever writes them).
 */
function normalisedHistory(log: readonly LoggedEvent[], company: SeededCompany): string[] {
  const numbers = new Map<string, number>();
  const number = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(id, n);
    }
    return `#${n}`;
  };
  // People and teams are numbered as the company was built, the same on both sides.
  for (const team of company.teams) {
    for (const id of [team.id, team.leadId, ...team.memberIds]) number(id);
  }
  return log
    .filter((event) => event.createdAt.getTime() >= Date.parse(`${FROM}T00:00:00Z`))
    .map((event) =>
      JSON.stringify({
        id: event.id,
        actorId: event.actorId,
        actorTokenId: event.actorTokenId,
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        payload: event.payload,
        schemaVersion: event.schemaVersion,
        createdAt: event.createdAt.toISOString(),
      }).replace(UUID, number),
    );
}

function differing(differences: Awaited<ReturnType<typeof compareCompany>>) {
  return differences
    .filter((table) => table.missing.length > 0 || table.extra.length > 0)
    .map((table) => ({
      table: table.table,
      missing: table.missing.slice(0, 2),
      extra: table.extra.slice(0, 2),
    }));
}

let bulk: Side;
let rebuilt: Side;
let replayed: Side;
let viaWritePath: Side;
let company: SeededCompany;
let counts: HistoryCounts;
const progress: Array<{ date: string; events: number }> = [];

beforeAll(async () => {
  bulk = await openSide();
  rebuilt = await openSide();
  replayed = await openSide();
  viaWritePath = await openSide();
  company = await seedSmallCompany(bulk.db);
  // Small batches, so the company's history spans many transactions.
  counts = await bulkSeedHistory(bulk.owner, company, {
    ...HISTORY,
    batchSize: 60,
    onProgress: ({ date, events }) => progress.push({ date, events }),
  });
}, 120_000);

afterAll(async () => {
  for (const side of [bulk, rebuilt, replayed, viaWritePath]) await closeSide(side);
});

describe('the bulk seed', () => {
  it('writes the history in many whole-day transactions, each a valid write of the log', async () => {
    expect(counts.checkIns).toBeGreaterThan(300);
    expect(counts.misses).toBeGreaterThan(10);
    expect(counts.alerts).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual({ date: TO, events: counts.events });
    const history = await bulk.owner.query<{ n: string; txs: string }>(
      `SELECT count(*)::text AS n, count(DISTINCT tx_id)::text AS txs FROM events
       WHERE company_id = $1 AND created_at >= $2`,
      [company.companyId, `${FROM}T00:00:00Z`],
    );
    expect(Number(history.rows[0]?.n)).toBe(counts.events);
    expect(Number(history.rows[0]?.txs)).toBe(progress.length);
    const rows = await bulk.owner.query<{ check_ins: string; misses: string; resolved: string }>(
      `SELECT (SELECT count(*) FROM check_ins WHERE company_id = $1)::text AS check_ins,
              (SELECT count(*) FROM missed_check_ins WHERE company_id = $1)::text AS misses,
              (SELECT count(*) FROM missed_check_ins
               WHERE company_id = $1 AND resolved_by_check_in_id IS NOT NULL)::text AS resolved`,
      [company.companyId],
    );
    expect(Number(rows.rows[0]?.check_ins)).toBe(counts.checkIns);
    // Misses the job records, plus those a late check-in resolved.
    expect(Number(rows.rows[0]?.misses)).toBe(counts.misses + Number(rows.rows[0]?.resolved));
    expect(Number(rows.rows[0]?.resolved)).toBeGreaterThan(0);
  });

  it('stores every event in its current schema version, valid, dated and attributed', async () => {
    const log = await openedLog(bulk.owner, company.companyId);
    let previous = 0;
    for (const event of log) {
      expect(event.schemaVersion).toBe(EVENT_SCHEMA_VERSION[event.type]);
      expect(() => parseEventPayload(event.type, event.payload)).not.toThrow();
      // Log order and the injected clock agree.
      expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(previous);
      previous = event.createdAt.getTime();
      const payload = event.payload as Record<string, unknown>;
      if (event.type === 'CHECK_IN_SUBMITTED') {
        expect(event.actorId).toBe(payload.personId);
        expect(event.createdAt.toISOString()).toBe(payload.submittedAt);
      }
      if (event.type === 'MISSED_CHECK_IN_DETECTED') expect(event.actorId).toBeNull();
      if (event.type === 'COUNTERMEASURE_RECORDED') {
        expect(event.actorId).toBe(payload.recordedById);
      }
    }
  });

  it('writes the same log as the write path for the same history (up to fresh ids)', async () => {
    const other = await seedSmallCompany(viaWritePath.db);
    const written = await seedHistory(viaWritePath.db, other, HISTORY);
    expect(written).toEqual(counts);
    const mine = normalisedHistory(await openedLog(bulk.owner, company.companyId), company);
    const theirs = normalisedHistory(await openedLog(viaWritePath.owner, other.companyId), other);
    expect(mine.length).toBe(counts.events);
    expect(mine).toEqual(theirs);
  });

  it('equals its rebuild into an empty database, every table and the notifications', async () => {
    const { events } = await rebuildCompany(bulk.owner, rebuilt.owner, company.companyId);
    const log = await companyLog(bulk.owner, company.companyId);
    expect(events).toBe(log.length);
    const differences = await compareCompany(bulk.owner, rebuilt.owner, company.companyId);
    expect(differing(differences)).toEqual([]);
    const rowsOf = (table: string) => differences.find((entry) => entry.table === table)?.rows;
    expect(rowsOf('check_ins')).toBe(counts.checkIns);
    expect(rowsOf('readiness_alerts')).toBe(counts.alerts);
    expect(rowsOf('countermeasures')).toBe(counts.alerts);
    expect(rowsOf('notifications')).toBeGreaterThan(0);
    // The rebuild drops foreign keys and secondary indexes for its load: all are back as they were.
    const schema = async (client: pg.Client) =>
      (
        await client.query<{ line: string }>(
          `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'
           UNION ALL
           SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
           FROM pg_constraint WHERE connamespace = 'public'::regnamespace
           ORDER BY 1`,
        )
      ).rows.map((row) => row.line);
    const indexes = await schema(rebuilt.owner);
    expect(indexes.length).toBeGreaterThan(50);
    expect(indexes).toEqual(await schema(bulk.owner));
  });

  it("equals the write path's own applier replaying its log command by command", async () => {
    const log = await companyLog(bulk.owner, company.companyId);
    await replayCompanyEvents(replayed.db, company.companyId, log, {
      batchSize: 250,
      keys: await companyKeyRing(bulk.owner, company.companyId),
    });
    const differences = await compareCompany(bulk.owner, replayed.owner, company.companyId);
    // Replaying appends events only; audit rows are copied by the rebuild, not derived.
    expect(differing(differences.filter((entry) => entry.table !== 'audit_logs'))).toEqual([]);
  });

  for (const perRowKeys of [false, true]) {
    it(`refuses a batch naming a person that does not exist, writing nothing (${perRowKeys ? 'keys checked row by row' : 'keys checked per batch'})`, async () => {
      const target = await openBulkTarget(bulk.owner, company.companyId, { perRowKeys });
      expect(target.keyChecking.mode).toBe(perRowKeys ? 'per-row' : 'per-batch');
      // A Monday after the history, a different one for each mode.
      const date = perRowKeys ? '2027-01-11' : '2027-01-04';
      const [day] = historyDays(company, { ...HISTORY, from: date, to: date });
      const entries = day?.entries ?? [];
      const checkIn = entries.find((entry) => entry.event.type === 'CHECK_IN_SUBMITTED');
      const stranger = '00000000-0000-4000-8000-000000000000';
      const tampered = entries.map((entry) => {
        const decided = entry.event;
        if (entry !== checkIn || decided.type !== 'CHECK_IN_SUBMITTED') return entry;
        return {
          ...entry,
          event: event('CHECK_IN_SUBMITTED', { ...decided.payload, teamId: stranger }),
        };
      });
      expect(tampered).not.toEqual(entries);
      const events = storeEntries(company.companyId, tampered, { every: 1 });
      const before = await bulk.owner.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM events WHERE company_id = $1',
        [company.companyId],
      );
      await expect(writeBatch(target, await prepareBatch(target, events))).rejects.toThrow(
        /violates foreign key constraint "check_ins_team_fk"/,
      );
      const after = await bulk.owner.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM events WHERE company_id = $1',
        [company.companyId],
      );
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
      // The connection is usable again, and the untampered day is accepted.
      const valid = storeEntries(company.companyId, entries, { every: 64 });
      await writeBatch(target, await prepareBatch(target, valid));
    });
  }

  it("leaves each row's key to its event to the own-event guard, which refuses an event of another transaction", async () => {
    const target = await openBulkTarget(bulk.owner, company.companyId);
    if (target.keyChecking.mode !== 'per-batch')
      throw new Error('keys should be checked per batch');
    // Every written table's rows name their event; the guard proves it, so no anti-join does.
    const toLog = target.keyChecking.keys.filter((key) => key.referenced === 'events');
    expect(toLog.map((key) => key.name)).toContain('check_ins_event_fk');
    expect(toLog.filter((key) => !key.provenBy.insert)).toEqual([]);
    const toPeople = target.keyChecking.keys.find((key) => key.name === 'check_ins_person_fk');
    expect(toPeople?.provenBy).toEqual({ insert: false, update: false });
    const date = '2027-01-18';
    const [day] = historyDays(company, { ...HISTORY, from: date, to: date });
    const events = storeEntries(company.companyId, day?.entries ?? [], { every: 1 });
    const checkIn = events.find((event) => event.type === 'CHECK_IN_SUBMITTED');
    const earlier = await bulk.owner.query<{ id: string }>(
      'SELECT id FROM events WHERE company_id = $1 ORDER BY position LIMIT 1',
      [company.companyId],
    );
    const batch = await prepareBatch(target, events);
    // One check-in row names an event of this company that an earlier transaction appended.
    const inserts = batch.inserts.map(({ table, text }) =>
      table === 'check_ins'
        ? {
            table,
            text: [
              Buffer.from(
                Buffer.concat(text)
                  .toString()
                  .replace(checkIn?.id ?? '-', earlier.rows[0]?.id ?? '-'),
              ),
            ],
          }
        : { table, text },
    );
    expect(inserts).not.toEqual(batch.inserts);
    const before = await bulk.owner.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM events WHERE company_id = $1',
      [company.companyId],
    );
    await expect(writeBatch(target, { ...batch, inserts })).rejects.toThrow(
      /check_ins refused: the change needs its event from the same transaction/,
    );
    const after = await bulk.owner.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM events WHERE company_id = $1',
      [company.companyId],
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('checks a key to a row the batch does not write itself (a miss resolved by a missing check-in)', async () => {
    const target = await openBulkTarget(bulk.owner, company.companyId);
    // Two weeks after the history (its batch is refused, so nothing of it is written).
    const days = [...historyDays(company, { ...HISTORY, from: '2027-03-01', to: '2027-03-14' })];
    const entries = days.flatMap((day) => day.entries);
    const resolution = entries.find((entry) => entry.event.type === 'MISSED_CHECK_IN_RESOLVED');
    expect(resolution).toBeDefined();
    const stranger = '00000000-0000-4000-8000-000000000001';
    const tampered = entries.map((entry) => {
      const decided = entry.event;
      if (entry !== resolution || decided.type !== 'MISSED_CHECK_IN_RESOLVED') return entry;
      return {
        ...entry,
        event: event('MISSED_CHECK_IN_RESOLVED', { ...decided.payload, checkInId: stranger }),
      };
    });
    const events = storeEntries(company.companyId, tampered, { every: 1 });
    await expect(writeBatch(target, await prepareBatch(target, events))).rejects.toThrow(
      /violates foreign key constraint "missed_check_ins_check_in_fk"/,
    );
  });

  it("validates each type's first event of a batch even when sampling", () => {
    const [day] = historyDays(company, { ...HISTORY, from: '2027-01-05', to: '2027-01-05' });
    const entries = (day?.entries ?? []).map((entry) => {
      const decided = entry.event;
      if (decided.type !== 'MISSED_CHECK_IN_DETECTED') return entry;
      return {
        ...entry,
        event: event('MISSED_CHECK_IN_DETECTED', { ...decided.payload, localDate: 'soon' }),
      };
    });
    expect(() => storeEntries(company.companyId, entries, { every: 1_000_000 })).toThrow(
      /localDate/,
    );
  });

  it('updates a row an earlier batch created (read back after that batch committed)', async () => {
    const target = await openBulkTarget(bulk.owner, company.companyId);
    const miss = await bulk.owner.query<{ id: string; person_id: string; updated_at: Date }>(
      `SELECT id, person_id, updated_at FROM missed_check_ins
       WHERE company_id = $1 AND resolved_at IS NULL ORDER BY local_date LIMIT 1`,
      [company.companyId],
    );
    const missId = miss.rows[0]?.id ?? '';
    const missPerson = miss.rows[0]?.person_id ?? '';
    const at = new Date('2027-02-01T09:00:00.000Z');
    const excused = storeEntries(
      company.companyId,
      [
        {
          event: sealedFor(
            missPerson,
            event('MISSED_CHECK_IN_EXCUSED', {
              id: missId,
              excusedById: company.leadId,
              reason: 'Doctor appointment',
              excusedAt: at.toISOString(),
            }),
          ),
          at,
          actorId: company.leadId,
        },
      ],
      { every: 1 },
    );
    await writeBatch(target, await prepareBatch(target, excused));
    const row = await bulk.owner.query<{ excused_at: Date; event_id: string; updated_at: Date }>(
      'SELECT excused_at, event_id, updated_at FROM missed_check_ins WHERE id = $1',
      [missId],
    );
    expect(row.rows[0]?.excused_at.toISOString()).toBe(at.toISOString());
    expect(row.rows[0]?.event_id).toBe(excused[0]?.id);
    expect(row.rows[0]?.updated_at.toISOString()).toBe(at.toISOString());
  });
});
