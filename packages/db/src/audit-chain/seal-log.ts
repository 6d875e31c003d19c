import type { Db, ReadTx } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { bindCompany } from '../tenant.ts';
import {
  type CommandTx,
  openSqlTransaction,
  sql,
  sqlOf,
  writeSqlOf,
} from '../transaction-connections.ts';
import { GENESIS_HASH, linkHash, payloadDigest } from './chain-link.ts';

// The sealing job's work (docs/decisions/016-audit-hash-chain.md): append to event_seals the
// company's committed events that have no seal yet, in the order they became visible (one
// batch in log position order), each linked to the previous seal. Any number of instances
// may call it at once: an advisory lock per company makes them take turns, and the primary
// key (company, seq) and unique event_id refuse a second seal of anything.

/** Namespace of the per-company advisory lock (the key is hashtext(company id)). */
const SEAL_LOCK_NAMESPACE = 4_242_016;

export interface SealOptions {
  /** Events sealed per transaction. */
  batchSize?: number;
}

export interface SealResult {
  sealed: number;
  /** The chain's head after sealing, or null when the company has no sealed event. */
  head: { seq: number; hash: string } | null;
}

interface HeadRow {
  seq: string;
  hash: string;
  settled_below_tx: string;
}

interface CandidateRow {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  actor_token_id: string | null;
  created_at: Date;
  schema_version: number;
  payload: unknown;
  position: string;
  snapshot_xmin: string;
}

/**
 * Takes the company's sealing lock for the rest of the transaction. Chain work is background
 * work (the seal job, checkpoints): it may wait its turn behind another sealer and read a long
 * backlog of unsealed events, so this transaction lifts the app role's request-sized limits
 * (lock 2 s, statement 10 s; decision 034) to the transaction's own 20 s budget.
 */
export async function lockCompanyChain(tx: ReadTx | CommandTx, companyId: string) {
  const read = sqlOf(tx);
  await read.rows(
    Prisma.sql`SELECT set_config('lock_timeout', '15s', true), set_config('statement_timeout', '20s', true)`,
  );
  await read.rows(
    Prisma.sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_NAMESPACE}::int, hashtext(${companyId}))::text`,
  );
}

async function readHead(tx: CommandTx, companyId: string): Promise<HeadRow | undefined> {
  const rows = await sqlOf(tx).rows<HeadRow>(Prisma.sql`
    SELECT s.seq::text AS seq, s.hash, s.settled_below_tx::text AS settled_below_tx
    FROM event_seals s WHERE s.company_id = ${companyId}::uuid ORDER BY s.seq DESC LIMIT 1`);
  return rows[0];
}

/**
 * Committed, unsealed events of the company, in log position order. Every event of a
 * transaction older than the watermark was visible to the run that set it, and sealed then;
 * younger ones (including any that committed after an event with a later position) are
 * found here by the anti-join, so none is skipped whatever order transactions commit in.
 * The statement's own snapshot xmin comes back with each row: the next watermark.
 *
 * A run's later batches are narrowed (`scope`): without that, a backlog (a bulk-seeded year,
 * 1.5 M events) made every batch walk past all the events earlier batches had sealed,
 * quadratic; batches hit the statement timeout and the backlog was never sealed.
 * - `after` (a position): a full batch's successor reads on past its last event.
 * - `fromTx` (only without `after`): the run's last batch has no `after`, to catch events
 *   that committed late below a sealed batch. Those belong to transactions still running at
 *   the run's first snapshot, so their tx_id is at least that snapshot's xmin; everything
 *   older was visible to the run's first batch and sealed by the run's batches, which follow
 *   each other in position.
 */
function readCandidates(
  tx: CommandTx,
  companyId: string,
  watermark: string,
  limit: number,
  scope: BatchScope,
): Promise<CandidateRow[]> {
  return plannedForValues(tx, () =>
    sqlOf(tx).rows<CandidateRow>(candidatesQuery(companyId, watermark, limit, scope)),
  );
}

/**
 * Runs `read` with its statements planned for their values (`plan_cache_mode`), then puts the
 * setting back. The candidates' read is named (decision 043) and bounded by a watermark; the
 * generic plan a named statement settles on does not know it, and walked the company's whole
 * log in position order for a run's first batch (8 s a run at 1.4 M events) where the
 * watermark's own index finds the few events above it. Only the read: the seals' INSERT
 * checks its foreign key with a cached plan per row, and re-planning each took the INSERT from
 * ~120 to ~360 ms a batch.
 */
export async function plannedForValues<R>(tx: CommandTx, read: () => Promise<R>): Promise<R> {
  const [setting] = await sqlOf(tx).rows<{ previous: string }>(
    Prisma.sql`SELECT current_setting('plan_cache_mode') AS previous,
                      set_config('plan_cache_mode', 'force_custom_plan', true)`,
  );
  const result = await read();
  await sqlOf(tx).rows(
    Prisma.sql`SELECT set_config('plan_cache_mode', ${setting?.previous ?? 'auto'}, true)`,
  );
  return result;
}

/**
 * The statement of readCandidates (exported for its plan's test). "Not sealed yet" is a
 * lateral probe of the seals' (company, event) key per event read, not `NOT EXISTS`: as an
 * anti-join the planner sized the company's seals from statistics taken before a backlog was
 * sealed (one row), kept all of them in memory and compared each event with each seal — a
 * batch of 5,000 took 2.8 s at 5,000 seals and 7.5 s at 15,000 (auto_explain, a bulk-seeded
 * company of 75,000 events; the whole backlog sealed at ~1,600/s). The LIMIT keeps the
 * subquery from being flattened into that join, so each event costs one index probe.
 */
export function candidatesQuery(
  companyId: string,
  watermark: string,
  limit: number,
  scope: BatchScope,
): Prisma.Sql {
  const fromTx =
    scope.after === null && scope.fromTx !== null && BigInt(scope.fromTx) > BigInt(watermark)
      ? scope.fromTx
      : watermark;
  return Prisma.sql`
    SELECT e.id, e.type::text AS type, e.entity_type, e.entity_id, e.actor_id, e.actor_token_id,
           e.created_at, e.schema_version, e.payload, e.position::text AS position,
           pg_snapshot_xmin(pg_current_snapshot())::text AS snapshot_xmin
    FROM events e
    LEFT JOIN LATERAL (
      SELECT true AS sealed FROM event_seals s
      WHERE s.company_id = e.company_id AND s.event_id = e.id LIMIT 1) s ON true
    WHERE e.company_id = ${companyId}::uuid AND e.tx_id >= ${fromTx}::bigint
      AND e.position > ${(scope.after ?? -1n).toString()}::bigint
      AND s.sealed IS NULL
    ORDER BY e.position
    LIMIT ${limit}`;
}

/** Which part of the unsealed log a batch reads (readCandidates). */
export interface BatchScope {
  after: bigint | null;
  fromTx: string | null;
}

/**
 * The watermark a batch's seals carry: every transaction below it has all its events sealed.
 * - A full batch may have left visible events behind: the watermark stays.
 * - A short batch without `after` took every candidate: its snapshot's xmin.
 * - A short batch with `after` ends the run's walk through the log, which sealed every event
 *   visible to the run's first batch: that batch's xmin (`fromTx`), so the next run does not
 *   scan the whole backlog again from an old watermark. (The run's last batch, without
 *   `after`, usually finds nothing and so writes no seal to carry one.)
 */
function settledBelow(watermark: string, xmin: string, full: boolean, scope: BatchScope): string {
  const higher = (candidate: string | null) =>
    candidate !== null && BigInt(candidate) > BigInt(watermark) ? candidate : watermark;
  if (full) return watermark;
  return scope.after === null ? higher(xmin) : higher(scope.fromTx);
}

interface BatchResult {
  sealed: number;
  full: boolean;
  head: SealResult['head'];
  /** Position of the last event sealed, when any was. */
  last: bigint | null;
  /** The xmin of the batch's snapshot, when it read any event. */
  xmin: string | null;
}

/** Seals per INSERT: small enough that hashing one overlaps writing the one before. */
export const SEALS_PER_INSERT = 500;

interface SealRow {
  seq: number;
  event_id: string;
  prev_hash: string;
  hash: string;
  settled_below_tx: string;
}

/** The links of `events`, in order, after the chain's head `link`. */
function linkSeals(
  companyId: string,
  events: CandidateRow[],
  link: { seq: number; hash: string },
  settled: string,
): { rows: SealRow[]; head: { seq: number; hash: string } } {
  let { seq, hash: prevHash } = link;
  const rows = events.map((event) => {
    seq += 1;
    const hash = linkHash({
      companyId,
      seq,
      prevHash,
      eventId: event.id,
      type: event.type,
      entityType: event.entity_type,
      entityId: event.entity_id,
      actorId: event.actor_id,
      actorTokenId: event.actor_token_id,
      createdAt: event.created_at.toISOString(),
      schemaVersion: event.schema_version,
      payloadDigest: payloadDigest(event.payload),
    });
    const row = { seq, event_id: event.id, prev_hash: prevHash, hash, settled_below_tx: settled };
    prevHash = hash;
    return row;
  });
  return { rows, head: { seq, hash: prevHash } };
}

function insertSeals(tx: CommandTx, companyId: string, rows: SealRow[]): Promise<number> {
  return writeSqlOf(tx).run(
    sql(
      `INSERT INTO event_seals (company_id, seq, event_id, prev_hash, hash, settled_below_tx)
       SELECT $1::uuid, r.seq, r.event_id, r.prev_hash, r.hash, r.settled_below_tx
       FROM jsonb_to_recordset($2::jsonb)
         AS r(seq bigint, event_id uuid, prev_hash text, hash text, settled_below_tx bigint)`,
      companyId,
      JSON.stringify(rows),
    ),
  );
}

async function sealBatch(
  db: Db,
  companyId: string,
  batchSize: number,
  scope: BatchScope,
): Promise<BatchResult> {
  // On the driver (decision 046), not Prisma's client: a batch reads 5,000 events with their
  // payloads, and Prisma's conversion of each row was a sixth of the job's Node time.
  return openSqlTransaction(db, async (tx) => {
    await bindCompany(tx, companyId);
    await lockCompanyChain(tx, companyId);
    const head = await readHead(tx, companyId);
    const watermark = head?.settled_below_tx ?? '0';
    const candidates = await readCandidates(tx, companyId, watermark, batchSize, scope);
    const headNow = head ? { seq: Number(head.seq), hash: head.hash } : null;
    if (candidates.length === 0)
      return { sealed: 0, full: false, head: headNow, last: null, xmin: null };
    const full = candidates.length === batchSize;
    const xmin = candidates[0]?.snapshot_xmin ?? watermark;
    const settled = settledBelow(watermark, xmin, full, scope);
    // The database writes one chunk of seals while Node hashes the next: on one connection the
    // two would otherwise take turns, each idle while the other works.
    let link = headNow ?? { seq: 0, hash: GENESIS_HASH };
    let writing: Promise<unknown> | undefined;
    for (let from = 0; from < candidates.length; from += SEALS_PER_INSERT) {
      const seals = linkSeals(
        companyId,
        candidates.slice(from, from + SEALS_PER_INSERT),
        link,
        settled,
      );
      link = seals.head;
      await writing;
      writing = insertSeals(tx, companyId, seals.rows);
      // Handled when awaited; this only keeps a failure from counting as unhandled should the
      // next chunk's hashing throw first (the transaction then rolls back all the same).
      writing.catch(() => undefined);
    }
    await writing;
    const last = BigInt(candidates.at(-1)?.position ?? '0');
    return { sealed: candidates.length, full, head: link, last, xmin };
  });
}

/**
 * Seals every committed, unsealed event of a company; returns how many and the new head.
 * After a full batch the next reads on from its last position; the run ends with a batch
 * without `after` (over transactions from the run's first snapshot on) that comes back
 * short: it catches events that committed late below a batch already sealed, and only it
 * moves the watermark.
 */
export async function sealCompanyLog(
  db: Db,
  companyId: string,
  options: SealOptions = {},
): Promise<SealResult> {
  const batchSize = options.batchSize ?? 5_000;
  let sealed = 0;
  const scope: BatchScope = { after: null, fromTx: null };
  for (;;) {
    const batch = await sealBatch(db, companyId, batchSize, { ...scope });
    sealed += batch.sealed;
    scope.fromTx ??= batch.xmin;
    if (batch.full) scope.after = batch.last;
    else if (scope.after !== null) scope.after = null;
    else return { sealed, head: batch.head };
  }
}
