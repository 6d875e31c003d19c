import { companyKeyRing } from '@aegira/db';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { buildMatrixWorld, type MatrixWorld } from '../../test-support/matrix-world.ts';
import { MUTATION_TABLE, matrixRun } from '../../test-support/mutation-table.ts';
import { proceduresOfType } from '../../test-support/tenant-world.ts';

// Atomicity (resilience case AT-2): every mutation of the router, table-driven. AT-3 runs with
// TI-1 (tenant-isolation.int.test.ts, one walk over every query); AT-5 is the replay property
// (apps/api/test/replay-property.int.test.ts).

let api: TestApi;
let owner: pg.Client;
let world: MatrixWorld;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
beforeAll(async () => {
  world = await buildMatrixWorld(api);
}, 120_000);

interface AppendedEvent {
  id: string;
  company_id: string;
  actor_id: string | null;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: Record<string, unknown>;
}

/** Tables whose rows name the event that wrote them (entity rows and their version history). */
async function eventedTables(): Promise<string[]> {
  const result = await owner.query<{ table_name: string }>(
    `SELECT r.table_name FROM app_table_registry r
     WHERE r.kind IN ('entity', 'history') AND EXISTS (
       SELECT 1 FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.table_name = r.table_name AND c.column_name = 'event_id')
     ORDER BY r.table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

const ENTITY_TABLE: Record<string, string> = {
  company: 'companies',
  person: 'persons',
  team: 'teams',
  check_in: 'check_ins',
  missed_check_in: 'missed_check_ins',
  holiday: 'holidays',
  incident: 'incidents',
  case: 'cases',
  api_token: 'api_tokens',
  leave: 'leaves',
  readiness_alert: 'readiness_alerts',
  audit_checkpoint: 'audit_checkpoints',
};

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A column value as the payload would spell it. */
function asPayload(value: unknown, like: unknown): unknown {
  if (value instanceof Date) {
    if (typeof like === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(like)) {
      const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
      return local.toISOString().slice(0, 10);
    }
    return value.toISOString();
  }
  if (typeof value === 'string' && typeof like === 'number') return Number(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Payload fields that disagree with the entity row the event wrote. An update carries its
 * changed fields under `changes`; a payload whose own id is not the entity's describes a child
 * row (a countermeasure of an alert), so only its other fields are compared.
 */
function disagreements(payload: Record<string, unknown>, row: Record<string, unknown>): string[] {
  const changes = payload.changes;
  const fields: Record<string, unknown> = {
    ...payload,
    ...(typeof changes === 'object' && changes !== null ? changes : {}),
  };
  delete fields.id;
  delete fields.changes;
  const out: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const column = snake(key);
    if (!(column in row)) continue;
    const stored = asPayload(row[column], value);
    if (JSON.stringify(stored) !== JSON.stringify(value)) {
      out.push(`${key}: payload ${JSON.stringify(value)}, row ${JSON.stringify(stored)}`);
    }
  }
  return out;
}

describe('atomicity of every mutation', () => {
  it('AT-2: every mutation of the router has an entry in the mutation table', () => {
    expect(Object.keys(MUTATION_TABLE).sort()).toEqual(proceduresOfType('mutation'));
  });

  for (const [path, entry] of Object.entries(MUTATION_TABLE)) {
    it(`AT-2: ${path} appends ${entry.events.length ? entry.events.join(', ') : 'no event'}, each naming the caller and written into its rows`, async () => {
      const { actorId, call } = entry.run
        ? await entry.run(world, api)
        : await matrixRun(path, world, api);
      const before = await owner.query<{ position: string }>(
        'SELECT coalesce(max(position), 0)::text AS position FROM events',
      );
      await call();
      const appended = await owner.query<AppendedEvent>(
        `SELECT id, company_id, actor_id, type, entity_type, entity_id, payload FROM events
         WHERE position > $1::bigint ORDER BY position`,
        [before.rows[0]?.position ?? '0'],
      );
      // Sealed fields opened with their people's keys (decision 039), as every reader does.
      const events = await Promise.all(
        appended.rows.map(async (event) => ({
          ...event,
          payload: (await companyKeyRing(owner, event.company_id)).open(event.id, event.payload)
            .payload as Record<string, unknown>,
        })),
      );
      expect(events.map((event) => event.type)).toEqual([...entry.events]);
      if (events.length === 0) return;

      const companyId = actorId === null ? events[0]?.company_id : world.company.companyId;
      const createdPeople = events
        .filter((event) => event.type === 'PERSON_CREATED')
        .map((event) => event.entity_id);
      const tables = await eventedTables();
      const problems: string[] = [];
      for (const event of events) {
        if (event.company_id !== companyId) problems.push(`${event.type}: another company`);
        // Signed out (sign-up), the new admin is the actor, or the system is.
        const actorOk =
          actorId === null
            ? event.actor_id === null || createdPeople.includes(event.actor_id)
            : event.actor_id === actorId;
        if (!actorOk) problems.push(`${event.type}: actor ${event.actor_id}, caller ${actorId}`);

        let rows = 0;
        for (const table of tables) {
          const column = table === 'companies' ? 'id' : 'company_id';
          const found = await owner.query<Record<string, unknown>>(
            `SELECT *, ${column}::text AS owner_company FROM "${table}" WHERE event_id = $1`,
            [event.id],
          );
          rows += found.rowCount ?? 0;
          for (const row of found.rows) {
            if (row.owner_company !== event.company_id) {
              problems.push(`${event.type}: ${table} row of another company`);
            }
            if (table === ENTITY_TABLE[event.entity_type] && row.id === event.entity_id) {
              for (const issue of disagreements(event.payload, row)) {
                problems.push(`${event.type} → ${table}: ${issue}`);
              }
            }
          }
        }
        if (rows === 0) problems.push(`${event.type}: no row names the event (entity.event_id)`);
      }
      expect(problems).toEqual([]);
    });
  }
});
