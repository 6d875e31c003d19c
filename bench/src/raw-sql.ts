import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { closedLoops, type PhaseResult } from './stats.ts';

// The raw-SQL baseline: the statements a check-in needs at the least (bind the
// company, append the event, write the row, in one transaction), sent by the
// pg driver as the application role, so the same row-level security and
// event-first triggers run. Named statements: planned once per connection.

const INPUTS = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
  painLocation: null,
  notes: null,
};
const SCORES = {
  formulaVersion: 1,
  hoursScore: 100,
  sleepScore: 88.9,
  stressScore: 77.8,
  physicalScore: 77.8,
  painScore: 100,
  readinessScore: 86,
  level: 'GREEN',
};

const INSERT_EVENT = `INSERT INTO events (id, company_id, actor_id, type, entity_type, entity_id, payload, schema_version)
  VALUES ($1, $2, $3, $4, 'check_in', $5, $6, 1)`;
const INSERT_CHECK_IN = `INSERT INTO check_ins (id, company_id, person_id, team_id, local_date, hours_slept,
  sleep_quality, stress_level, physical_condition, pain_level, pain_location, notes, hours_score, sleep_score,
  stress_score, physical_score, pain_score, readiness_score, readiness_level, formula_version, is_late,
  minutes_late, submitted_at, version, event_id, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, 7.5, 8, 3, 8, 0, NULL, NULL, 100, 88.9, 77.8, 77.8, 100, 86, 'GREEN', 1, false,
  0, now(), 1, $6, now(), now())`;
const UPDATE_CHECK_IN = `UPDATE check_ins SET stress_level = $2, stress_score = 77.8, readiness_score = 86,
  version = version + 1, amended_at = now(), event_id = $3, updated_at = now() WHERE id = $1`;

export interface RawTarget {
  appUrl: string;
  companyId: string;
  teamId: string;
  /** One worker per connection; each submits on successive dates. */
  workerIds: readonly string[];
}

async function connect(url: string, count: number): Promise<pg.Client[]> {
  const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((client) => client.connect()));
  return clients;
}

function dateAfter(base: string, days: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function transaction(client: pg.Client, companyId: string, work: () => Promise<void>) {
  await client.query('BEGIN');
  try {
    await client.query({
      name: 'bind',
      text: "SELECT set_config('app.company_id', $1, true)",
      values: [companyId],
    });
    await work();
    await client.query('COMMIT');
    return true;
  } catch {
    await client.query('ROLLBACK');
    return false;
  }
}

/** Raw submits (event + new check-in row) at `connections` for `seconds`. */
export async function rawSubmits(
  target: RawTarget,
  connections: number,
  seconds: number,
  firstDate: string,
): Promise<{ result: PhaseResult; checkInIds: string[] }> {
  const clients = await connect(target.appUrl, connections);
  const days = new Map<pg.Client, number>();
  // The first check-in of each connection's worker, for the amend phase.
  const checkInIds: string[] = [];
  try {
    const result = await closedLoops(clients, seconds, (client) => {
      const index = clients.indexOf(client);
      const workerId = target.workerIds[index];
      if (!workerId) return null;
      const day = days.get(client) ?? 0;
      days.set(client, day + 1);
      const id = randomUUID();
      const eventId = randomUUID();
      checkInIds[index] ??= id;
      return transaction(client, target.companyId, async () => {
        const payload = {
          id,
          personId: workerId,
          teamId: target.teamId,
          localDate: dateAfter(firstDate, day),
          inputs: INPUTS,
          scores: SCORES,
          isLate: false,
          minutesLate: 0,
          submittedAt: new Date().toISOString(),
        };
        await client.query({
          name: 'event',
          text: INSERT_EVENT,
          values: [eventId, target.companyId, workerId, 'CHECK_IN_SUBMITTED', id, payload],
        });
        await client.query({
          name: 'check-in',
          text: INSERT_CHECK_IN,
          values: [
            id,
            target.companyId,
            workerId,
            target.teamId,
            dateAfter(firstDate, day),
            eventId,
          ],
        });
      });
    });
    return { result, checkInIds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** Raw amends (event + row update) of one check-in per connection. */
export async function rawAmends(
  target: RawTarget,
  checkInIds: readonly string[],
  connections: number,
  seconds: number,
): Promise<PhaseResult> {
  const clients = await connect(target.appUrl, connections);
  try {
    return await closedLoops(clients, seconds, (client, n) => {
      const index = clients.indexOf(client);
      const checkInId = checkInIds[index];
      const workerId = target.workerIds[index];
      if (!checkInId || !workerId) return null;
      const eventId = randomUUID();
      return transaction(client, target.companyId, async () => {
        const payload = { id: checkInId, version: 2 + n, inputs: INPUTS, scores: SCORES };
        await client.query({
          name: 'event',
          text: INSERT_EVENT,
          values: [eventId, target.companyId, workerId, 'CHECK_IN_UPDATED', checkInId, payload],
        });
        await client.query({
          name: 'amend',
          text: UPDATE_CHECK_IN,
          values: [checkInId, 1 + (n % 10), eventId],
        });
      });
    });
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
