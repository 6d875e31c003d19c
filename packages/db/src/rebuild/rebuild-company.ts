import type { EventType } from '@aegira/events';
import type pg from 'pg';
import { DERIVE_NOTIFICATIONS_SQL } from '../notifications/derive-notifications.ts';
import { upcastLoggedEvent } from '../replay.ts';
import { companyKeyRing, copyKeys } from '../sealing/person-keys.ts';
import { EVENT_COLUMNS, ident, tableColumns, writeRows } from './copy-rows.ts';
import { LogFold } from './fold-log.ts';
import { parseEventLine } from './log-line.ts';
import { CopyLines, copyIn, copyOut } from './pg-copy.ts';

/** Append-only logs no event rebuilds (hash-chain seals, audit rows): copied row for row. */
export const COPIED_LOGS = ['event_seals', 'audit_logs'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RebuildOptions {
  /** Called now and then with the number of events read so far. */
  onProgress?: (events: number) => void;
  /**
   * Which payloads in their type's current version are validated against its schema: each
   * type's first and then one event in `every` (default 64; 1 checks all). Older versions are
   * always validated and upcast. The write path validated each payload before storing it
   * and the schemas transform nothing, so the rest are read as stored (decision 022).
   */
  validate?: { every: number };
}

export interface RebuildResult {
  events: number;
  /** Seconds spent per phase, for the performance notes. */
  phases: Record<string, number>;
}

interface TableConstraint {
  table: string;
  name: string;
  definition: string;
}

/**
 * Rebuilds one company from the log of another database (`source`, the owner connection)
 * into `target` (the owner connection of a database that does not hold the company yet):
 * the same events, the same projections as the live write path (`evolve`), the same
 * notifications, the seals and audit rows copied; equal row for row.
 *
 * Fast because it is one transaction that treats the log as one batch: the log streams out
 * of the source with COPY, straight into the target's log (still through its own-event
 * guard and tx_id stamp) while each line is upcast and folded in memory; then every entity
 * and history table is written once, at its final state, with COPY. Foreign keys of the
 * written tables are dropped for the transaction and added back before COMMIT, which
 * validates each one with a single set-based query instead of one check per row. Secondary
 * indexes, and the primary and unique keys of the logs copied row for row, are built after
 * the load (one sort each). The transaction either commits with every constraint validated and in place or leaves the
 * target as it was. The guard triggers (own event, append only) and the application role's
 * row-level security are untouched. Needs an owner that may COPY into tables under
 * row-level security (superuser or BYPASSRLS, as decision 010 already requires).
 * replayCompanyEvents remains the way to append events to a database in use.
 */
export async function rebuildCompany(
  source: pg.Client,
  target: pg.Client,
  companyId: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  // COPY takes no parameters; the id is inlined, so it must be exactly a uuid.
  if (!UUID.test(companyId)) throw new Error(`Not a company id: ${companyId}`);
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const present = await target.query(
    `SELECT 1 FROM companies WHERE id = $1 UNION ALL SELECT 1 FROM events WHERE company_id = $1 LIMIT 1`,
    [companyId],
  );
  if (present.rows.length > 0) {
    throw new Error(
      `The target database already holds company ${companyId}; rebuild into one without it`,
    );
  }
  const fold = new LogFold();
  await source.query(
    `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
     SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'`,
  );
  await target.query(`BEGIN; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'`);
  try {
    await target.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
    const written = [
      'events',
      ...COPIED_LOGS,
      'notifications',
      ...fold.tables.flatMap(({ projection }) =>
        projection.versions ? [projection.table, projection.versions] : [projection.table],
      ),
    ];
    const foreignKeys = await dropConstraints(target, written, 'foreign');
    // Notifications keep theirs: the derive statement's ON CONFLICT needs its unique index.
    const indexes = await dropSecondaryIndexes(
      target,
      written.filter((table) => table !== 'notifications'),
    );
    const logKeys = await dropConstraints(target, COPIED_LOGS, 'keys');
    phase('prepare');

    // The log: bytes from the source's COPY go on to the target's as they come, and each
    // line is folded meanwhile, so the two servers and this process work side by side.
    // Sealed fields open with the source's keys, which then go along with the log.
    const keys = await companyKeyRing(source, companyId);
    const columns = EVENT_COLUMNS.join(', ');
    const every = options.validate?.every ?? 64;
    if (!Number.isInteger(every) || every < 1) {
      throw new Error(`validate.every must be a whole number of at least 1, not ${every}`);
    }
    const validated = new Set<EventType>();
    const lines = new CopyLines((line) => {
      const event = parseEventLine(line, companyId);
      const validate = fold.count % every === 0 || !validated.has(event.type);
      if (validate) validated.add(event.type);
      fold.add(upcastLoggedEvent(event, BigInt(fold.count + 1), keys, validate));
      if (fold.count % 20_000 === 0) options.onProgress?.(fold.count);
    });
    await copyIn(target, `COPY events (${columns}) FROM STDIN`, (events) =>
      copyOut(
        source,
        `COPY (SELECT ${columns} FROM events WHERE company_id = '${companyId}' ORDER BY position)
         TO STDOUT`,
        (chunk) => {
          events.write(chunk);
          lines.push(chunk);
        },
      ),
    );
    options.onProgress?.(fold.count);
    // The own-event guard of every table written next joins its rows to the log; without
    // statistics on the log just filled, the planner picks a nested loop over all of it
    // (measured: a 95,000-row COPY into check_ins ran for over ten minutes). Only the columns
    // that join reads (and the keys added back below): statistics of every column, the
    // payloads' jsonb above all, took longer than the rest of the phase's database work.
    await target.query('ANALYZE events (id, company_id, tx_id)');
    phase('log');

    for (const table of COPIED_LOGS) await copyLog(source, target, table, companyId);
    await source.query('COMMIT');
    phase('copied logs');

    for (const { projection, rows, versions } of fold.tables) {
      await copyRows(target, projection.table, rows.values());
      if (projection.versions) await copyRows(target, projection.versions, versions);
    }
    await copyKeys(target, companyId, keys);
    phase('tables');

    // Built once over the loaded rows (one sort each) instead of one entry per row inserted;
    // a unique index checks its rows as it is built. Before the notifications, which read
    // team_versions through them.
    if (indexes.length > 0) {
      await target.query(indexes.map((index) => index.definition).join(';\n'));
    }
    await addConstraints(target, logKeys);
    phase('indexes');

    if (fold.drafts.length > 0) {
      await target.query(DERIVE_NOTIFICATIONS_SQL, [JSON.stringify(fold.drafts), companyId]);
    }
    phase('notifications');

    await addConstraints(target, foreignKeys);
    phase('foreign keys');
    await target.query('COMMIT');
    phase('commit');
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    await source.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { events: fold.count, phases };
}

async function copyRows(target: pg.Client, table: string, rows: Iterable<object>) {
  const columns = await tableColumns(target, table);
  await copyIn(
    target,
    `COPY ${ident(table)} (${columns.map((c) => ident(c.name)).join(', ')}) FROM STDIN`,
    (copy) => {
      writeRows(copy, columns, rows);
    },
  );
}

/** A company's rows of an append-only log, copied as they are (same columns in both). */
async function copyLog(source: pg.Client, target: pg.Client, table: string, companyId: string) {
  const columns = (await tableColumns(target, table)).map((c) => ident(c.name)).join(', ');
  await copyIn(target, `COPY ${ident(table)} (${columns}) FROM STDIN`, (copy) =>
    copyOut(
      source,
      `COPY (SELECT ${columns} FROM ${ident(table)} WHERE company_id = '${companyId}') TO STDOUT`,
      (chunk) => copy.write(chunk),
    ),
  );
}

/**
 * The indexes of the written tables that back no constraint (no primary key, unique or
 * exclusion constraint, and no foreign key of a table left in place uses them), dropped for
 * the load; returns their definitions to build them again.
 */
async function dropSecondaryIndexes(target: pg.Client, tables: readonly string[]) {
  const found = await target.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[])
       AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  // regclass text is the index's name, quoted where it needs to be.
  if (found.rows.length > 0) {
    await target.query(`DROP INDEX ${found.rows.map((index) => index.name).join(', ')}`);
  }
  return found.rows;
}

/**
 * Which constraints a rebuild drops for its load and adds back after it (addConstraints):
 * - `foreign`: every foreign key of the written tables, checked by one query each when added;
 * - `keys`: the primary and unique keys of the logs copied row for row (seals, audit rows),
 *   built again like the secondary indexes. A sealed year is 1.5 M seals, and one B-tree entry
 *   per row in three unique indexes over random keys (event id, a 64-digit previous hash) made
 *   copying them 81 s of a 351 s rebuild. Keys that a foreign key uses stay.
 */
const DROPPED = {
  foreign: `c.contype = 'f'`,
  keys: `c.contype IN ('p', 'u') AND NOT EXISTS (
           SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`,
} as const;

async function dropConstraints(
  target: pg.Client,
  tables: readonly string[],
  kind: keyof typeof DROPPED,
) {
  const found = await target.query<TableConstraint>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name,
            pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     WHERE ${DROPPED[kind]} AND c.connamespace = 'public'::regnamespace
       AND c.conrelid = ANY (SELECT format('public.%I', t)::regclass FROM unnest($1::text[]) t)
     ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  if (found.rows.length > 0) {
    await target.query(alterEachTable(found.rows, (key) => `DROP CONSTRAINT ${ident(key.name)}`));
  }
  return found.rows;
}

/**
 * Adds constraints back exactly as they were; ADD validates each: a foreign key with one query
 * over its table, a primary or unique key as its index is built.
 */
async function addConstraints(target: pg.Client, keys: readonly TableConstraint[]) {
  if (keys.length === 0) return;
  await target.query(
    alterEachTable(keys, (key) => `ADD CONSTRAINT ${ident(key.name)} ${key.definition}`),
  );
}

/**
 * One ALTER TABLE per table with all its keys' actions, every table in one round trip (a
 * simple-protocol query of several statements, inside the rebuild's transaction) instead
 * of a statement and a round trip per key: a fixed cost that weighs on small companies.
 */
function alterEachTable(
  keys: readonly TableConstraint[],
  action: (key: TableConstraint) => string,
): string {
  const byTable = new Map<string, string[]>();
  for (const key of keys) byTable.set(key.table, [...(byTable.get(key.table) ?? []), action(key)]);
  return [...byTable]
    .map(([table, actions]) => `ALTER TABLE ${ident(table)} ${actions.join(', ')}`)
    .join(';\n');
}
