import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/bootstrap/demo-logins.ts';
import { isDemoSeeded, seedDemoCompany } from '../src/seed/demo-company.ts';
import { detectMissedCheckIns } from '../src/services/missed-check-ins/detect-missed-check-ins.ts';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { replayAndCompare, useReplayTarget } from '../test-support/replay-check.ts';

// The demo company `pnpm start` seeds on a fresh data folder (issue 17): 90 days of history
// written through the write path with an injected clock (decision 028).

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
const replayTarget = useReplayTarget();

/** Wednesday 25 November 2026, noon in London (UTC in winter). */
const NOW = new Date('2026-11-25T12:00:00.000Z');
const TODAY = '2026-11-25';
let companyId = '';
const lines: string[] = [];

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  return (await owner.query<T>(sql, [companyId, ...params])).rows;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: string }>(sql, params);
  return Number(row?.n ?? -1);
}

beforeAll(async () => {
  api.deps.now = () => NOW;
  await seedDemoCompany(api.deps, (line) => lines.push(line));
  api.deps.now = undefined;
  const found = await owner.query<{ id: string }>(
    "SELECT id FROM companies WHERE name = 'Demo Construction Co'",
  );
  companyId = found.rows[0]?.id ?? '';
}, 60_000);

describe('the demo company', () => {
  it('is seeded once, with every demo login, and says what it wrote', async () => {
    expect(await isDemoSeeded(api.db)).toBe(true);
    const emails = await rows<{ email: string }>(
      'SELECT email FROM persons WHERE company_id = $1 ORDER BY email',
    );
    expect(emails.map((row) => row.email)).toEqual(DEMO_PEOPLE.map((p) => p.email).sort());
    expect(lines.some((line) => /history: 90 days, \d+ check-ins/.test(line))).toBe(true);
  });

  it('has 90 days of check-ins per worker, varying, some late, some RED with the lead acting', async () => {
    const perWorker = await rows<{ email: string; n: string; days: string; spread: string }>(
      `SELECT p.email, count(*) AS n, count(DISTINCT c.local_date) AS days,
              max(c.readiness_score) - min(c.readiness_score) AS spread
       FROM check_ins c JOIN persons p ON p.id = c.person_id
       WHERE c.company_id = $1 AND c.local_date < $2 GROUP BY p.email ORDER BY p.email`,
      [TODAY],
    );
    expect(perWorker).toHaveLength(10);
    for (const worker of perWorker) {
      // Site B works Monday to Friday (64 days in these 90), Site A every day; less misses and leave.
      expect(Number(worker.n), worker.email).toBeGreaterThanOrEqual(50);
      expect(Number(worker.n), worker.email).toBeLessThanOrEqual(90);
      expect(Number(worker.spread), worker.email).toBeGreaterThan(5);
    }
    expect(
      await count(
        "SELECT min(local_date) - date '2026-08-27' AS n FROM check_ins WHERE company_id = $1",
      ),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM check_ins WHERE company_id = $1 AND is_late'),
    ).toBeGreaterThan(0);
    const levels = await rows<{ level: string; n: string }>(
      'SELECT readiness_level AS level, count(*) AS n FROM check_ins WHERE company_id = $1 GROUP BY 1',
    );
    expect(new Set(levels.map((row) => row.level))).toEqual(new Set(['GREEN', 'YELLOW', 'RED']));
    // Every past alert was handled by the lead: nothing for the escalation job to find.
    expect(
      await count(
        `SELECT count(*) AS n FROM readiness_alerts
         WHERE company_id = $1 AND local_date < $2 AND first_countermeasure_at IS NULL`,
        [TODAY],
      ),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM countermeasures WHERE company_id = $1'),
    ).toBeGreaterThan(0);
  });

  it('has misses (one excused, some resolved late), leave, amendments, a holiday and a move', async () => {
    expect(
      await count(
        'SELECT count(*) AS n FROM missed_check_ins WHERE company_id = $1 AND resolved_at IS NULL AND excused_at IS NULL',
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        'SELECT count(*) AS n FROM missed_check_ins WHERE company_id = $1 AND excused_at IS NOT NULL',
      ),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM leaves WHERE company_id = $1')).toBe(4);
    expect(
      await count(
        'SELECT count(*) AS n FROM leaves WHERE company_id = $1 AND cancelled_at IS NOT NULL',
      ),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM check_ins WHERE company_id = $1 AND version = 2'),
    ).toBe(2);
    expect(await count('SELECT count(*) AS n FROM holidays WHERE company_id = $1')).toBe(3);
    expect(
      await count(
        "SELECT count(*) AS n FROM team_transfers WHERE company_id = $1 AND status = 'COMPLETED'",
      ),
    ).toBe(1);
    // Nobody checked in on the stand-down day (Monday 2026-10-26) or while on leave.
    expect(
      await count(
        "SELECT count(*) AS n FROM check_ins WHERE company_id = $1 AND local_date = '2026-10-26'",
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM check_ins c JOIN leaves l ON l.person_id = c.person_id
         WHERE c.company_id = $1 AND l.cancelled_at IS NULL
           AND c.local_date BETWEEN l.start_date AND l.end_date`,
      ),
    ).toBe(0);
  });

  it('as of 60 days ago, worker5 was in Site B; now in Site A', async () => {
    const teamAt = async (instant: string) => {
      const [row] = await rows<{ name: string }>(
        `SELECT t.name FROM person_versions v JOIN persons p ON p.id = v.id JOIN teams t ON t.id = v.team_id
         WHERE v.company_id = $1 AND p.email = 'worker5@demo.aegira.test' AND v.updated_at <= $2
         ORDER BY v.updated_at DESC LIMIT 1`,
        [instant],
      );
      return row?.name;
    };
    expect(await teamAt('2026-09-26T12:00:00Z')).toBe('Site B — Early crew');
    expect(await teamAt(NOW.toISOString())).toBe('Site A — Day crew');
  });

  it('today is partly checked in: some submitted, one on leave, the rest pending', async () => {
    const today = await rows<{ email: string }>(
      `SELECT p.email FROM check_ins c JOIN persons p ON p.id = c.person_id
       WHERE c.company_id = $1 AND c.local_date = $2 ORDER BY p.email`,
      [TODAY],
    );
    expect(today.map((row) => row.email.split('@')[0])).toEqual([
      'worker2',
      'worker3',
      'worker4',
      'worker7',
      'worker8',
    ]);
    expect(
      await count(
        'SELECT count(*) AS n FROM leaves WHERE company_id = $1 AND cancelled_at IS NULL AND $2 BETWEEN start_date AND end_date',
        [TODAY],
      ),
    ).toBe(1);
  });

  it('dates every event by the injected clock: across 90 days, in log order, none in the future', async () => {
    const [span] = await rows<{ first: Date; last: Date; days: string; backwards: string }>(
      `SELECT min(created_at) AS first, max(created_at) AS last,
              count(DISTINCT (created_at AT TIME ZONE 'Europe/London')::date) AS days,
              (SELECT count(*) FROM (
                 SELECT created_at < lag(created_at) OVER (ORDER BY position) AS back
                 FROM events WHERE company_id = $1) t WHERE back) AS backwards
       FROM events WHERE company_id = $1`,
    );
    expect(span?.first.toISOString()).toBe('2026-08-26T08:00:00.000Z');
    expect(span?.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(Number(span?.days)).toBeGreaterThanOrEqual(90);
    expect(Number(span?.backwards)).toBe(0);
    // Rows carry their events' times: a check-in row was created when it was submitted.
    expect(
      await count(
        'SELECT count(*) AS n FROM check_ins WHERE company_id = $1 AND created_at <> submitted_at',
      ),
    ).toBe(0);
  });

  it('is what the missed check-in job would have recorded: it finds nothing more for past days', async () => {
    const before = await count('SELECT count(*) AS n FROM missed_check_ins WHERE company_id = $1');
    await detectMissedCheckIns(api.db, companyId, NOW);
    expect(
      await count(
        'SELECT count(*) AS n FROM missed_check_ins WHERE company_id = $1 AND local_date < $2',
        [TODAY],
      ),
    ).toBe(before);
  });

  it('is deterministic: the same clock gives the same history', async () => {
    const [figures] = await rows<{
      check_ins: string;
      late: string;
      misses: string;
      alerts: string;
    }>(
      `SELECT (SELECT count(*) FROM check_ins WHERE company_id = $1) AS check_ins,
              (SELECT count(*) FROM check_ins WHERE company_id = $1 AND is_late) AS late,
              (SELECT count(*) FROM missed_check_ins WHERE company_id = $1 AND local_date < $2) AS misses,
              (SELECT count(*) FROM readiness_alerts WHERE company_id = $1) AS alerts`,
      [TODAY],
    );
    expect(figures).toEqual(PINNED);
  });

  it('replays into an empty database table for table', async () => {
    const { events, tables } = await replayAndCompare(owner, replayTarget(), companyId);
    expect(events).toBeGreaterThan(700);
    for (const { table, original, replayed } of tables) {
      expect(replayed, table).toEqual(original);
    }
  });
});

/** The figures of the demo history for NOW (the seeded generator is deterministic). */
const PINNED = { check_ins: '719', late: '21', misses: '47', alerts: '32' };
