import { env } from '@aegira/config';
import { auditChain } from '@aegira/db';
import { type SeededCompany, seedCompany } from '@aegira/db/seed';
import type autocannon from 'autocannon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CannonSummary,
  medianLatency,
  queryPath,
  recordResult,
  runCannon,
  seconds,
  sessionCookie,
} from '../../test-support/load-driver.ts';
import { type ClientKind, MixedLoad } from '../../test-support/mixed-load.ts';
import { replayAndCompare, useReplayTarget } from '../../test-support/replay-check.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// Load cases LD-1, LD-2, LD-2b (issue 11's mixed load) and LD-5, against the real HTTP server.
// They run in the Vitest project `alone` (one file at a time, after everything else). Numbers go
// to <tmp>/aegira-load/results.jsonl and the console; behaviour is asserted, latency only
// against generous budgets derived from one read measured on this machine in the same run.

let server: TestServer;
let owner: pg.Client;
/** The company of the main read: 1,000 workers in teams of 20–50. */
let large: SeededCompany;
/** The main read alone: its median, the rate it runs at and its p99 budget. */
let read: { medianMs: number; rate: number; budgetMs: number } | undefined;
const replayTarget = useReplayTarget();

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** Open all day, every day: any worker may check in whenever the case runs. */
const ALWAYS_OPEN = { windowStart: '00:00', windowEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] };

beforeAll(async () => {
  server = await startTestServer({ withWeb: false });
  owner = new pg.Client({ connectionString: server.ownerUrl });
  // The test database is dropped at the end, which terminates this backend.
  owner.on('error', () => undefined);
  await owner.connect();
  const started = performance.now();
  large = await seedCompany(server.deps.db, {
    workers: 1_000,
    schedule: ALWAYS_OPEN,
    assignedOn: yesterday(),
    at: new Date(),
  });
  // As `pnpm db:seed` does: without statistics the reads plan on an empty company.
  await owner.query('ANALYZE');
  console.info(
    `seeded 1,000 workers in ${large.teams.length} teams in ${Math.round(performance.now() - started)} ms`,
  );
}, 300_000);
afterAll(async () => {
  await owner?.end();
  await server?.stop();
});

/** The main read of a lead (their team's roster, teams.get) for autocannon, each connection a lead. */
function rosterRequests(company: SeededCompany) {
  let next = 0;
  return [
    {
      setupRequest: (request: autocannon.Request) => {
        next += 1;
        const team = company.teams[next % company.teams.length];
        return {
          ...request,
          method: 'GET' as const,
          path: queryPath('teams.get', { id: team?.id }),
          headers: { cookie: sessionCookie(team?.leadId ?? '', company.companyId) },
        };
      },
    },
  ];
}

/** One read alone on this machine, and from it the rate and budget of the main read. */
async function mainRead() {
  if (read) return read;
  const team = large.teams[0];
  if (!team) throw new Error('the seed made no team');
  const medianMs = await medianLatency(
    server.url,
    queryPath('teams.get', { id: team.id }),
    sessionCookie(team.leadId, large.companyId),
  );
  // 200/s when one read takes under 5 ms; otherwise what two cores serve at half load.
  const rate = medianMs <= 5 ? 200 : Math.max(5, Math.floor(1_000 / medianMs));
  read = { medianMs, rate, budgetMs: Math.max(1_000, 25 * medianMs) };
  return read;
}

async function rosterLoad(duration: number): Promise<CannonSummary & { rate: number }> {
  const { rate } = await mainRead();
  const result = await runCannon({
    url: server.url,
    connections: 20,
    overallRate: rate,
    duration,
    timeout: 10,
    requests: rosterRequests(large),
  });
  return { ...result, rate };
}

async function eventCounts(companyId: string, since: Date): Promise<Record<string, number>> {
  const result = await owner.query<{ type: string; n: number }>(
    `SELECT type::text AS type, count(*)::int AS n FROM events
     WHERE company_id = $1 AND created_at >= $2 GROUP BY type`,
    [companyId, since],
  );
  return Object.fromEntries(result.rows.map((row) => [row.type, row.n]));
}

/**
 * After a write load: every acknowledged write is stored (no more events than acknowledged plus
 * the requests in flight when the load stopped), replay equals the rows, the audit chain
 * verifies and no backend of the app is left idle in a transaction.
 */
async function checkInvariants(
  load: MixedLoad,
  company: SeededCompany,
  since: Date,
  connections: number,
) {
  await settle();
  const events = await eventCounts(company.companyId, since);
  const pairs: Array<[string, number, number]> = [
    ['CHECK_IN_SUBMITTED', load.acked.submit, events.CHECK_IN_SUBMITTED ?? 0],
    ['CHECK_IN_UPDATED', load.acked.amend, events.CHECK_IN_UPDATED ?? 0],
    ['PERSON_UPDATED', load.acked.editPerson, events.PERSON_UPDATED ?? 0],
    ['TEAM_UPDATED', load.acked.editTeam, events.TEAM_UPDATED ?? 0],
  ];
  for (const [type, acknowledged, stored] of pairs) {
    expect(stored, `${type}: fewer stored than acknowledged`).toBeGreaterThanOrEqual(acknowledged);
    expect(
      stored - acknowledged,
      `${type}: more stored than acknowledged + in flight`,
    ).toBeLessThanOrEqual(connections);
  }
  // Each acknowledged check-in is there, with at least its acknowledged amendments.
  const perCheckIn = await owner.query<{ id: string; updates: number }>(
    `SELECT c.id, (SELECT count(*)::int FROM events e WHERE e.entity_id = c.id AND e.type = 'CHECK_IN_UPDATED') AS updates
     FROM check_ins c WHERE c.company_id = $1`,
    [company.companyId],
  );
  const stored = new Map(perCheckIn.rows.map((row) => [row.id, row.updates]));
  const lost = [...load.checkIns.values()].filter(
    (checkIn) => (stored.get(checkIn.id) ?? -1) < checkIn.amends,
  );
  expect(lost, 'acknowledged check-ins or amendments missing').toEqual([]);

  const { tables } = await replayAndCompare(owner, replayTarget(), company.companyId);
  for (const { table, original, replayed } of tables) {
    const differs = original.find(
      (row, index) => JSON.stringify(row) !== JSON.stringify(replayed[index]),
    );
    if (differs) {
      const mismatched = original.filter(
        (row, index) => JSON.stringify(row) !== JSON.stringify(replayed[index]),
      ).length;
      const replayedRow = replayed.find((row) => row.id === differs.id);
      console.info(
        `replay of ${table}: ${mismatched} of ${original.length} rows differ; the first`,
        differs,
        'replayed as',
        replayedRow,
        await historyOf(differs.id),
      );
    }
    expect(replayed, `replay of ${table}`).toEqual(original);
  }
  const key = auditChain.signingKeyFromPem(auditChain.generateSigningKeyPem());
  const chain = await auditChain.verifyCompanyLog(server.deps.db, company.companyId, {
    trustedPublicKey: key.publicKey,
  });
  expect(chain.intact, chain.reason ?? '').toBe(true);
  expect(await appTransactions('idle in transaction%')).toBe(0);
  return { events, chainLinks: chain.events };
}

/** Backends of the application role in the given state (LIKE pattern). */
async function appTransactions(state: string): Promise<number> {
  const result = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND usename = 'aegira_app' AND state LIKE $1`,
    [state],
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * Waits (up to 60 s) until no transaction of the app is open: requests whose clients
 * autocannon dropped when the load stopped still run to their commit, and a replay taken
 * before they end would miss their events.
 */
async function settle(): Promise<void> {
  const deadline = Date.now() + 60_000;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    const open =
      (await appTransactions('active')) + (await appTransactions('idle in transaction%'));
    quiet = open === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** An entity's events as stored, for the message of a failed replay comparison. */
async function historyOf(id: unknown) {
  const result = await owner.query(
    `SELECT position, tx_id, id, type, created_at, payload FROM events WHERE entity_id = $1 ORDER BY position`,
    [id],
  );
  return JSON.stringify(result.rows, null, 1);
}

async function writeLoad(
  company: SeededCompany,
  options: {
    connections: number;
    duration: number;
    pick: (cycle: number) => ClientKind;
    rate?: number;
  },
) {
  const load = new MixedLoad(server.url, company, options.pick);
  const result = await runCannon({
    url: server.url,
    connections: options.connections,
    duration: options.duration,
    // As the SDK waits for a write: past the server's own statement and transaction limits.
    timeout: 30,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: load.requests(),
  });
  return { load, result };
}

describe('load', () => {
  it('LD-1: the main read (a lead’s roster of a 1,000-person company) open-loop: p99 within budget, 0 non-2xx, 0 timeouts', async () => {
    const main = await mainRead();
    const result = await rosterLoad(seconds(25));
    await recordResult('LD-1', {
      oneReadMedianMs: main.medianMs,
      rateNote:
        result.rate < 200
          ? 'one read slower than 5 ms here: half of what two cores serve'
          : 'as specified',
      budgetMs: main.budgetMs,
      ...result,
    });
    expect(result.requests).toBeGreaterThanOrEqual(result.rate * seconds(25) * 0.5);
    expect(result.non2xx).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.p99).toBeLessThanOrEqual(main.budgetMs);
  }, 300_000);

  it('LD-2: 50 connections of check-ins for distinct persons plus amendments: every acknowledged write stored, replay equal, chain verifies, nobody idle in transaction', async () => {
    const company = await seedCompany(server.deps.db, {
      workers: 600,
      schedule: ALWAYS_OPEN,
      assignedOn: yesterday(),
      at: new Date(),
    });
    const since = new Date();
    const { load, result } = await writeLoad(company, {
      connections: 50,
      duration: seconds(25),
      pick: () => 'worker',
    });
    const { budgetMs } = await mainRead();
    const invariants = await checkInvariants(load, company, since, 50);
    await recordResult('LD-2', {
      ...result,
      acked: load.acked,
      retries: load.retries,
      statuses: load.statuses,
      samples: load.samples,
      events: invariants.events,
      chainLinks: invariants.chainLinks,
      budgetMs,
    });
    expect(load.acked.submit).toBeGreaterThan(0);
    expect(load.acked.amend).toBeGreaterThan(0);
    expect(load.serverErrors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(load.samples, 'non-2xx answers').toEqual([]);
    // Writes take longer than the read: the budget is the read's, times 10.
    expect(result.p99).toBeLessThanOrEqual(budgetMs * 10);
  }, 400_000);

  it('LD-2b: 64 connections for 60 s mixing submits, amendments, roster reads and admin edits: zero 5xx, zero lost acknowledged writes, replay equal', async () => {
    const company = await seedCompany(server.deps.db, {
      workers: 800,
      schedule: ALWAYS_OPEN,
      assignedOn: yesterday(),
      at: new Date(),
    });
    const since = new Date();
    const kinds: ClientKind[] = ['worker', 'worker', 'lead', 'admin'];
    const { load, result } = await writeLoad(company, {
      connections: 64,
      duration: seconds(60),
      pick: (cycle) => kinds[cycle % kinds.length] ?? 'worker',
    });
    const invariants = await checkInvariants(load, company, since, 64);
    await recordResult('LD-2b', {
      ...result,
      acked: load.acked,
      retries: load.retries,
      statuses: load.statuses,
      samples: load.samples,
      events: invariants.events,
      chainLinks: invariants.chainLinks,
    });
    expect(load.acked.submit).toBeGreaterThan(0);
    expect(load.acked.amend).toBeGreaterThan(0);
    expect(load.acked.roster).toBeGreaterThan(0);
    expect(load.acked.editPerson + load.acked.editTeam).toBeGreaterThan(0);
    expect(load.serverErrors, '5xx left after up to 3 retries of a 503 with Retry-After').toBe(0);
    expect(result.timeouts, 'writes unanswered within 30 s').toBe(0);
  }, 600_000);

  it('LD-5: B’s main read while A floods writes degrades B’s p99 by no more than 3×', async () => {
    // A floods open-loop at a fixed rate; the company write bulkhead (decision 041) keeps its
    // writes to a few backends so that B still finds connections and CPU.
    const flood = await seedCompany(server.deps.db, {
      workers: 600,
      schedule: ALWAYS_OPEN,
      assignedOn: yesterday(),
      at: new Date(),
    });
    const duration = seconds(20);
    const before = await rosterLoad(duration);
    const floodRate = env().AEGIRA_LD5_FLOOD_RATE;
    const [together, writes] = await Promise.all([
      rosterLoad(duration),
      writeLoad(flood, { connections: 20, duration, pick: () => 'worker', rate: floodRate }),
    ]);
    const after = await rosterLoad(duration);
    // B alone is measured before and after the flood: one 20 s p99 is the 2nd-slowest of ~200
    // reads and moves by 2× between runs on a shared VM; their mean is a steadier baseline.
    const aloneP99 = (before.p99 + after.p99) / 2;
    const factor = together.p99 / Math.max(aloneP99, 1);
    await recordResult('LD-5', {
      day: today(),
      floodRate,
      floodAcked: writes.load.acked,
      floodResult: writes.result,
      bAlone: before,
      bAloneAfter: after,
      bWithFlood: together,
      p99Factor: factor,
    });
    expect(writes.load.acknowledgedWrites).toBeGreaterThan(0);
    expect(together.non2xx).toBe(0);
    expect(together.timeouts).toBe(0);
    // Against a floor of 100 ms: a few milliseconds of scheduling noise on two shared cores is
    // not a noisy neighbour.
    expect(together.p99).toBeLessThanOrEqual(3 * Math.max(aloneP99, 100));
  }, 400_000);
});
