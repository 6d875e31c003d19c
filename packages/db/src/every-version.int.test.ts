import { randomUUID } from 'node:crypto';
import { EVENT_PAYLOAD_VERSIONS, SAMPLE_EVENT_PAYLOADS } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToSampleRows } from '../test-support/apply-sample.ts';
import { createFreshDatabase, type FreshDatabase } from '../test-support/fresh-database.ts';
import { PROJECTED_EVENT_TYPES } from './projections/registry.ts';
import { upcastLoggedEvent } from './replay.ts';

// Events are kept forever: one event of every (type, version) that ever
// existed is stored in the log as it was written then, read back through
// jsonb, and must still upcast and apply to its rows (docs/decisions/011).

let database: FreshDatabase;
let owner: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase();
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await database?.drop();
});

describe('the log of every payload version', () => {
  it('stores one event of each (type, version), and each reads back, upcasts and applies', async () => {
    const companyId = randomUUID();
    await owner.query('BEGIN');
    try {
      await owner.query("SELECT set_config('app.company_id', $1, true)", [companyId]);
      const companyEvent = randomUUID();
      await owner.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'COMPANY_CREATED', 'company', $2, '{}', 1)`,
        [companyEvent, companyId],
      );
      await owner.query(
        `INSERT INTO companies (id, name, slug, timezone, event_id, updated_at)
         VALUES ($1, 'Versions', $2, 'UTC', $3, now())`,
        [companyId, `versions-${companyId}`, companyEvent],
      );
      for (const { type, version } of EVENT_PAYLOAD_VERSIONS) {
        await owner.query(
          `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
           VALUES ($1, $2, $3, 'sample', $4, $5, $6)`,
          [
            randomUUID(),
            companyId,
            type,
            randomUUID(),
            SAMPLE_EVENT_PAYLOADS[type][version],
            version,
          ],
        );
      }
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
    const stored = await owner.query<{
      id: string;
      type: (typeof EVENT_PAYLOAD_VERSIONS)[number]['type'];
      payload: unknown;
      schema_version: number;
      created_at: Date;
    }>(
      `SELECT id, type, payload, schema_version, created_at FROM events
       WHERE company_id = $1 AND entity_type = 'sample' ORDER BY position`,
      [companyId],
    );
    expect(stored.rows).toHaveLength(EVENT_PAYLOAD_VERSIONS.length);
    for (const row of stored.rows) {
      const event = upcastLoggedEvent(
        {
          id: row.id,
          companyId,
          actorId: null,
          actorTokenId: null,
          type: row.type,
          entityType: 'sample',
          entityId: row.id,
          payload: row.payload,
          schemaVersion: row.schema_version,
          createdAt: row.created_at,
        },
        1n,
      );
      if (!PROJECTED_EVENT_TYPES.has(row.type)) continue;
      const rows = applyToSampleRows(event);
      expect(rows.length, `${row.type} v${row.schema_version}`).toBeGreaterThan(0);
    }
  });
});
