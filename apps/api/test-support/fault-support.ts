import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import type { ClientVisibleError } from './api-harness.ts';

/** An application_name of its own, so a test finds (and kills) only its own backends. */
export function uniqueApplicationName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The counts "no partial rows" compares (resilience-cases.md): events and entity rows. */
export async function rowCounts(owner: pg.Client): Promise<Record<string, number>> {
  const { rows } = await owner.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM events) AS events,
            (SELECT count(*) FROM check_ins) AS check_ins,
            (SELECT count(*) FROM teams) AS teams,
            (SELECT count(*) FROM persons) AS persons,
            (SELECT count(*) FROM team_transfers) AS team_transfers,
            (SELECT count(*) FROM audit_logs) AS audit_logs`,
  );
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([key, n]) => [key, Number(n)]));
}

/** The states of the app's backends named `applicationName` (pg_stat_activity). */
export async function backendStates(owner: pg.Client, applicationName: string): Promise<string[]> {
  const { rows } = await owner.query<{ state: string | null }>(
    'SELECT state FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  );
  return rows.map((row) => row.state ?? 'unknown');
}

/** Waits (polling) until no backend named `applicationName` is idle in a transaction. */
export async function expectNoIdleInTransaction(
  owner: pg.Client,
  applicationName: string,
  withinMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  let states = await backendStates(owner, applicationName);
  while (states.some((state) => state.startsWith('idle in transaction')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    states = await backendStates(owner, applicationName);
  }
  expect(states.filter((state) => state.startsWith('idle in transaction'))).toEqual([]);
}

/** Terminates every backend named `applicationName` that is inside a transaction; returns how many. */
export async function terminateBackends(
  owner: pg.Client,
  applicationName: string,
): Promise<number> {
  const { rows } = await owner.query<{ done: boolean }>(
    `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
     WHERE application_name = $1 AND xact_start IS NOT NULL`,
    [applicationName],
  );
  return rows.filter((row) => row.done).length;
}

/** An owner connection of a test's own, with the 'error' listener every raw client needs. */
export async function ownerClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // Test databases are dropped with their backends: a terminated connection must not crash the run.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A promise with its resolve exposed: a hook waits on it until the test lets it go. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

// What a "generic error" must not contain (resilience-cases.md).
const LEAKS =
  /select|insert|update|delete|from |where |table|constraint|relation|column|pg_|sqlstate|\bat .*\(|node_modules|127\.0\.0\.1|localhost|5432|postgres/i;

/** A transient database failure as the client sees it: retryable code, generic message. */
export function expectRetryable(
  failure: ClientVisibleError,
  codes = ['SERVICE_UNAVAILABLE', 'TIMEOUT'],
) {
  expect(codes).toContain(failure.code);
  expect(failure.message).not.toMatch(LEAKS);
}

/** A generic error: retryable, or the generic 500 with a request id; never SQL or a stack. */
export function expectGeneric(failure: ClientVisibleError) {
  expect(['SERVICE_UNAVAILABLE', 'TIMEOUT', 'INTERNAL_SERVER_ERROR']).toContain(failure.code);
  expect(failure.message).not.toMatch(LEAKS);
}
