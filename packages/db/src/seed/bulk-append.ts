import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA_VERSION, entityOf, parseEventPayload } from '@aegira/events';
import type pg from 'pg';
import { type AnyNewEvent, sealingOf, storedPayloadOf } from '../event-log.ts';
import {
  DERIVE_NOTIFICATIONS_SQL,
  type NotificationDraftRow,
  notificationDraftRows,
} from '../notifications/derive-notifications.ts';
import { assertPayloadWithinCap, EVENT_PAYLOAD_MAX_BYTES } from '../payload-size.ts';
import type { TableProjection, TrackedRow } from '../projections/define-projection.ts';
import { evolve, rowIdOf } from '../projections/evolve.ts';
import { ENTITY_PROJECTIONS, PROJECTED_EVENT_TYPES } from '../projections/registry.ts';
import { fromColumns, snakeCase, toColumns } from '../projections/row-state.ts';
import {
  type CopyColumn,
  EVENT_COLUMNS,
  ident,
  tableColumns,
  writeRows,
} from '../rebuild/copy-rows.ts';
import { copyIn, copyText } from '../rebuild/pg-copy.ts';
import { bulkSealingKeys } from '../sealing/person-keys.ts';
import type { AnyStoredEvent } from '../stored-event.ts';
import type { DatedEvent } from './append-batches.ts';
import {
  type BatchKeyValues,
  checkKeys,
  type KeyChecking,
  keyCheckingFor,
  keyValues,
  omitWrittenInBatch,
} from './batch-key-check.ts';
import { breatheIfDue, CLOCK_EVERY } from './breathe.ts';

// The bulk seed's writer (docs/decisions/037-bulk-seed.md): one transaction per batch of dated
// events, holding exactly what executeCommand would write for them (the log rows, the rows
// the projections' own `evolve` makes of them, the notifications), sent with COPY instead of
// statements that carry JSON. Guards, foreign keys and row-level security are untouched; the
// connection is the owner's because COPY FROM refuses tables under row-level security to
// roles it applies to (as the rebuild, decision 022).

const CHUNK = 1 << 20;
/** Rows turned into COPY text between looks at the clock (breathe.ts): about a millisecond. */
const ROWS_PER_SLICE = 256;

/** COPY text collected ahead of the COPY that sends it (the next batch is prepared meanwhile). */
class TextChunks {
  readonly chunks: Buffer[] = [];
  write(chunk: Buffer): void {
    this.chunks.push(chunk);
  }
}

/** A company's connection for bulk batches, with each written table's columns read once. */
export interface BulkTarget {
  client: pg.Client;
  companyId: string;
  columns: ReadonlyMap<string, readonly CopyColumn[]>;
  keyChecking: KeyChecking;
  /** Every person's sealing key (decision 039), made before the first batch. */
  sealingKeys: ReadonlyMap<string, Buffer>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function openBulkTarget(
  client: pg.Client,
  companyId: string,
  options: { perRowKeys?: boolean } = {},
): Promise<BulkTarget> {
  // Written into COPY text unescaped (eventLine): it must be exactly a uuid.
  if (!UUID.test(companyId)) throw new Error(`Not a company id: ${companyId}`);
  const columns = new Map<string, CopyColumn[]>();
  for (const projection of ENTITY_PROJECTIONS) {
    for (const table of [projection.table, projection.versions]) {
      if (table) columns.set(table, await tableColumns(client, table));
    }
  }
  const keyChecking: KeyChecking = options.perRowKeys
    ? { mode: 'per-row', reason: 'asked for' }
    : await keyCheckingFor(client, ['events', ...columns.keys()]);
  const sealingKeys = await bulkSealingKeys(client, companyId);
  return { client, companyId, columns, keyChecking, sealingKeys };
}

export interface BulkValidation {
  /**
   * Validate each type's first event of a batch and one event in `every` against its type's
   * zod schema (1: all of them). Events one generator builds differ only in values, and full
   * validation cost about as much as the rest of the Node side (decision 037).
   */
  every: number;
}

/** A batch ready to send: every byte worked out in Node before its transaction starts. */
export interface PreparedBatch {
  events: number;
  eventText: Buffer[];
  /** New rows (and versions) per table, as COPY text, in the write path's table order. */
  inserts: Array<{ table: string; text: Buffer[] }>;
  /** Rows an earlier batch created that this one changes (none for day-bounded history). */
  updates: Array<{ table: string; rows: object[] }>;
  drafts: NotificationDraftRow[];
  /** The batch's distinct foreign-key values, when keys are checked per batch. */
  keys: BatchKeyValues[];
}

/**
 * The events of a batch as appendEvents would store them: a known, projected type, the
 * payload validated (all, or a sample) against its current schema, the entity read from it,
 * a new id, the current schema version, the entry's date and actor.
 */
export function storeEntries(
  companyId: string,
  entries: readonly DatedEvent[],
  validation: BulkValidation,
  defaultActorId: string | null = null,
): AnyStoredEvent[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const { type } = entry.event;
    if (!PROJECTED_EVENT_TYPES.has(type)) {
      throw new Error(`No projection applies ${type}; it cannot be stored yet`);
    }
    if (entry.event.audit) {
      // Administrative actions carry audit rows: they go through executeCommand.
      throw new Error(`${type} carries an audit row; the bulk seed takes history events only`);
    }
    // Every type's first event in the batch, and one in `every` after that.
    const validate = index % validation.every === 0 || !seen.has(type);
    seen.add(type);
    const payload = validate ? parseEventPayload(type, entry.event.payload) : entry.event.payload;
    const { entityType, entityId } = entityOf(type, payload);
    // The (type, payload) pairing is the one AnyStoredEvent expresses; TypeScript cannot follow it.
    const stored = {
      id: randomUUID(),
      companyId,
      actorId: entry.actorId === undefined ? defaultActorId : entry.actorId,
      actorTokenId: null,
      type,
      entityType,
      entityId,
      payload,
      // The database numbers the log; nothing the projections do reads it.
      position: 0n,
      createdAt: entry.at,
    } as AnyStoredEvent;
    if (entry.event.subjectId) subjects.set(stored, entry.event.subjectId);
    return stored;
  });
}

// The subject a command named for an event's sealing (NewEvent.subjectId), kept beside the
// stored event until its log line is written.
const subjects = new WeakMap<AnyStoredEvent, string>();

/** The payload as the log stores it, sealed as appendEvents seals it. */
function storedPayload(event: AnyStoredEvent, keys: ReadonlyMap<string, Buffer>): unknown {
  const subjectId = subjects.get(event);
  const decided = { type: event.type, payload: event.payload, ...(subjectId ? { subjectId } : {}) };
  const sealing = sealingOf(decided as AnyNewEvent, event.payload);
  return storedPayloadOf(event.payload, sealing, keys, event.id);
}

/** The current rows of earlier batches (committed by now) that a batch changes. */
async function loadRows(
  client: pg.Client,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Map<string, TrackedRow>>> {
  const loaded = new Map<string, Map<string, TrackedRow>>();
  for (const [table, ids] of wanted) {
    const result = await client.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${ident(table)} t WHERE t.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    const rows = new Map<string, TrackedRow>();
    for (const { row } of result.rows) {
      const value = fromColumns(row) as unknown as TrackedRow;
      rows.set(value.id, value);
    }
    loaded.set(table, rows);
  }
  return loaded;
}

function eventLine(event: AnyStoredEvent, keys: ReadonlyMap<string, Buffer>): string {
  const stored = storedPayload(event, keys);
  const payload = JSON.stringify(stored);
  // The write path's cap, measured exactly only when it could matter: the stored text is at
  // most 3 bytes a character plus one separator byte per character.
  if (payload.length * 4 > EVENT_PAYLOAD_MAX_BYTES) {
    assertPayloadWithinCap(event.type, stored);
  }
  // The id (randomUUID), company (a uuid), type, entity type, version and ISO time never
  // need COPY escapes; the fields taken from the payload or the caller are escaped.
  return `${event.id}\t${event.companyId}\t${copyText(event.actorId)}\t${copyText(event.actorTokenId)}\t${event.type}\t${event.entityType}\t${copyText(event.entityId)}\t${copyText(payload)}\t${EVENT_SCHEMA_VERSION[event.type]}\t${event.createdAt.toISOString()}\n`;
}

async function logText(
  events: readonly AnyStoredEvent[],
  keys: ReadonlyMap<string, Buffer>,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let buffer = '';
  for (const [index, event] of events.entries()) {
    if (index % CLOCK_EVERY === 0) await breatheIfDue();
    buffer += eventLine(event, keys);
    if (buffer.length >= CHUNK) {
      chunks.push(Buffer.from(buffer));
      buffer = '';
    }
  }
  if (buffer.length > 0) chunks.push(Buffer.from(buffer));
  return chunks;
}

interface FoldedRows {
  projection: TableProjection<TrackedRow>;
  inserts: TrackedRow[];
  updates: TrackedRow[];
  versions: TrackedRow[];
}

/** Per event type, the projections that react to it (most types: one). */
const PROJECTIONS_BY_TYPE = new Map<string, Array<TableProjection<TrackedRow>>>();
for (const projection of ENTITY_PROJECTIONS) {
  for (const type of Object.keys(projection.on)) {
    PROJECTIONS_BY_TYPE.set(type, [...(PROJECTIONS_BY_TYPE.get(type) ?? []), projection]);
  }
}

function creates(projection: TableProjection<TrackedRow>, event: AnyStoredEvent): boolean {
  const handler = projection.on[event.type];
  return handler !== undefined && 'create' in handler;
}

/** Rows read back from earlier batches, by table and id; a row not there did not exist. */
type LoadedRows = ReadonlyMap<string, ReadonlyMap<string, TrackedRow>>;

/**
 * The batch folded as applyEvents folds one command (apply-events.ts): per table, each
 * touched row from its state before the batch through every event, with every version kept
 * for history tables; one pass over the events. Without `loaded`, the rows an event changes
 * but the batch did not create (rows of earlier batches) are only collected in `unknown`, to
 * be read back and folded again with them.
 */
async function foldBatch(
  events: readonly AnyStoredEvent[],
  loaded: LoadedRows | null,
): Promise<{ tables: FoldedRows[]; unknown: Map<string, Set<string>> }> {
  const folds = new Map<
    TableProjection<TrackedRow>,
    { touched: Map<string, { row: TrackedRow | null; existed: boolean }>; versions: TrackedRow[] }
  >(ENTITY_PROJECTIONS.map((projection) => [projection, { touched: new Map(), versions: [] }]));
  const unknown = new Map<string, Set<string>>();
  for (const [index, event] of events.entries()) {
    if (index % CLOCK_EVERY === 0) await breatheIfDue();
    for (const projection of PROJECTIONS_BY_TYPE.get(event.type) ?? []) {
      const fold = folds.get(projection);
      if (!fold) continue;
      // A creating event makes its row from nothing (evolve would build it twice through
      // rowIdOf); it meets an existing row only to be refused by evolve, as live.
      const created = creates(projection, event) ? evolve(projection, null, event) : null;
      const id = created?.id ?? rowIdOf(projection, event)?.id;
      if (id === undefined) continue;
      let entry = fold.touched.get(id);
      if (!entry) {
        if (!created && !loaded) {
          const ids = unknown.get(projection.table) ?? new Set<string>();
          unknown.set(projection.table, ids.add(id));
          continue;
        }
        const existing = loaded?.get(projection.table)?.get(id) ?? null;
        entry = { row: existing, existed: existing !== null };
        fold.touched.set(id, entry);
      }
      entry.row = created && !entry.row ? created : evolve(projection, entry.row, event);
      if (projection.versions && entry.row) fold.versions.push(entry.row);
    }
  }
  const tables = ENTITY_PROJECTIONS.map((projection) => {
    const inserts: TrackedRow[] = [];
    const updates: TrackedRow[] = [];
    const fold = folds.get(projection);
    for (const { row, existed } of fold?.touched.values() ?? []) {
      if (row) (existed ? updates : inserts).push(row);
    }
    return { projection, inserts, updates, versions: fold?.versions ?? [] };
  });
  return { tables, unknown };
}

/**
 * Everything a batch writes, as bytes and rows, worked out before its transaction. Rows of
 * earlier batches that it changes (none for day-bounded history) are read back first, after
 * `beforeReading` (the previous batch's commit).
 */
export async function prepareBatch(
  target: BulkTarget,
  events: readonly AnyStoredEvent[],
  beforeReading: () => Promise<void> = async () => undefined,
): Promise<PreparedBatch> {
  let folded = await foldBatch(events, null);
  if (folded.unknown.size > 0) {
    await beforeReading();
    folded = await foldBatch(events, await loadRows(target.client, folded.unknown));
  }
  const inserts: PreparedBatch['inserts'] = [];
  const updates: PreparedBatch['updates'] = [];
  const copyOf = async (table: string, rows: readonly TrackedRow[]) => {
    if (rows.length === 0) return;
    const columns = target.columns.get(table);
    if (!columns) throw new Error(`No columns known for ${table}`);
    const text = new TextChunks();
    for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
      await breatheIfDue();
      writeRows(text, columns, rows.slice(start, start + ROWS_PER_SLICE));
    }
    inserts.push({ table, text: text.chunks });
  };
  const checking = target.keyChecking;
  let keys: BatchKeyValues[] =
    checking.mode === 'per-batch' ? keyValues(checking.keys, 'events', events, 'insert') : [];
  const written = new Map<string, TrackedRow[]>();
  for (const rows of folded.tables) {
    if (checking.mode === 'per-batch') {
      const { table, versions } = rows.projection;
      keys.push(...keyValues(checking.keys, table, rows.inserts, 'insert'));
      keys.push(...keyValues(checking.keys, table, rows.updates, 'update'));
      written.set(table, [...rows.inserts, ...rows.updates]);
      if (versions) {
        keys.push(...keyValues(checking.keys, versions, rows.versions, 'insert'));
        written.set(versions, rows.versions);
      }
    }
    if (rows.updates.length > 0) {
      updates.push({ table: rows.projection.table, rows: rows.updates.map(toColumns) });
    }
    await copyOf(rows.projection.table, rows.inserts);
    if (rows.projection.versions) await copyOf(rows.projection.versions, rows.versions);
  }
  keys = omitWrittenInBatch(keys, written);
  return {
    events: events.length,
    eventText: await logText(events, target.sealingKeys),
    inserts,
    updates,
    drafts: notificationDraftRows(events),
    keys,
  };
}

async function updateRows(client: pg.Client, table: string, rows: readonly object[]) {
  const first = rows[0];
  if (!first) return;
  const t = ident(table);
  const columns = Object.keys(first)
    .map(snakeCase)
    .filter((column) => column !== 'id')
    .map(ident);
  await client.query(
    `UPDATE ${t} AS t SET (${columns.join(', ')}) = ROW(${columns.map((c) => `s.${c}`).join(', ')})
     FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb) AS s WHERE t.id = s.id`,
    [JSON.stringify(rows)],
  );
}

/**
 * Writes a prepared batch in one transaction, in the write path's order: the log first (its
 * own-event guard and tx_id stamp run), then each table's updates and new rows (their
 * own-event guards check every row names an event of this transaction), the versions, the
 * notifications by the write path's own statement; foreign keys are checked at COMMIT.
 * Either all of it commits or none.
 */
export async function writeBatch(
  target: BulkTarget,
  batch: PreparedBatch,
): Promise<Record<string, number>> {
  const { client } = target;
  // Seconds per step, for the performance notes.
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + (now - mark) / 1000;
    mark = now;
  };
  const perBatch = target.keyChecking.mode === 'per-batch';
  await client.query(`BEGIN; SET LOCAL TimeZone = 'UTC'`);
  try {
    await client.query(`SELECT set_config('app.company_id', $1, true)`, [target.companyId]);
    // Foreign keys are checked below for the whole batch (batch-key-check.ts).
    if (perBatch) await client.query('SET LOCAL session_replication_role = replica');
    await copyIn(client, `COPY events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`, (copy) => {
      for (const chunk of batch.eventText) copy.write(chunk);
    });
    phase('events');
    // Each COPY below ends in its table's own-event guard, an anti-join of the new rows with
    // this transaction's events (`tx_id = pg_current_xact_id()`). The planner cannot know the
    // id, so it estimates rows / n_distinct(tx_id): a log written in a few large transactions
    // (this seed's) makes that thousands of rows and it scanned the whole log instead of
    // reading the transaction's own events by the (company_id, tx_id) index: four scans of
    // the log per batch, quadratic over a seed (0.3 s a guard at 140,000 events). Merge joins
    // go too: one walks the whole log in id order (1 s a guard, seen once).
    await client.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_mergejoin = off');
    for (const { table, rows } of batch.updates) await updateRows(client, table, rows);
    phase('updates');
    for (const { table, text } of batch.inserts) {
      const columns = target.columns.get(table) ?? [];
      await copyIn(
        client,
        `COPY ${ident(table)} (${columns.map((c) => ident(c.name)).join(', ')}) FROM STDIN`,
        (copy) => {
          for (const chunk of text) copy.write(chunk);
        },
      );
      phase(table);
    }
    await client.query('SET LOCAL enable_seqscan = on; SET LOCAL enable_mergejoin = on');
    if (perBatch) {
      await checkKeys(client, batch.keys);
      // Notifications are derived with every trigger and key check as live.
      await client.query('SET LOCAL session_replication_role = origin');
      phase('key checks');
    }
    if (batch.drafts.length > 0) {
      await client.query(DERIVE_NOTIFICATIONS_SQL, [
        JSON.stringify(batch.drafts),
        target.companyId,
      ]);
    }
    phase('notifications');
    await client.query('COMMIT');
    phase('commit');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return phases;
}
