import { type Db, prismaOf, type WriteTx } from './client.ts';
import { Prisma } from './generated/prisma/client.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';
import { type CommandTx, writeSqlOf } from './transaction-connections.ts';

// Idempotency keys (docs/decisions/035-versions-and-idempotency.md): a client's retry of a
// mutation with the same Idempotency-Key gets the first answer and writes nothing.

/** Keys are kept this long; a retry after it runs the request again. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * The key of one request, shared by every command the request runs: the first of them that
 * commits claims it (in its own transaction, beside its events) and sets `claimed`.
 */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
  claimed: boolean;
}

/** What a stored key holds: the request it was first used with, and its answer once known. */
export interface IdempotencyRecord {
  requestHash: string;
  /** Null while the first request is still running (or died before it answered). */
  response: unknown;
  answered: boolean;
}

/** Another request with the same key committed first: its answer is the answer. */
export class IdempotencyKeyTakenError extends Error {
  constructor(readonly key: string) {
    super('another request with this Idempotency-Key committed first');
    this.name = 'IdempotencyKeyTakenError';
  }
}

/**
 * Inserts the claim in the command's transaction, before its decide step. A concurrent
 * request with the same key blocks on the primary key until this transaction ends, and
 * then (if it committed) fails here and reads the first answer instead of deciding.
 */
export async function claimIdempotencyKey(
  tx: CommandTx,
  companyId: string,
  claim: IdempotencyClaim,
): Promise<void> {
  // An expired key (not yet pruned) is taken over; a live one, committed by another
  // request, inserts nothing (ON CONFLICT waits for that request's transaction first).
  const inserted = await writeSqlOf(tx).run(Prisma.sql`
    INSERT INTO idempotency_keys (company_id, key, request_hash)
    VALUES (${companyId}::uuid, ${claim.key}, ${claim.requestHash})
    ON CONFLICT (company_id, key) DO UPDATE
      SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now()
      WHERE idempotency_keys.created_at <= now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int)`);
  if (inserted === 0) throw new IdempotencyKeyTakenError(claim.key);
}

async function inCompany<R>(db: Db, companyId: string, work: (tx: WriteTx) => Promise<R>) {
  return prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, companyId);
    return work(tx);
  }, TRANSACTION_OPTIONS);
}

/** The stored key, or null when it was never used (or has expired). */
export async function findIdempotencyKey(
  db: Db,
  companyId: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const rows = await inCompany(
    db,
    companyId,
    (tx) => tx.$queryRaw<Array<{ request_hash: string; response: unknown }>>`
      SELECT request_hash, response FROM idempotency_keys
      WHERE key = ${key}
        AND created_at > now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int)`,
  );
  const row = rows[0];
  if (!row) return null;
  return { requestHash: row.request_hash, response: row.response, answered: row.response !== null };
}

/** Stores the first request's answer (a JSON document; never overwritten). */
export async function recordIdempotentResponse(
  db: Db,
  companyId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await inCompany(
    db,
    companyId,
    (tx) => tx.$executeRaw`
      UPDATE idempotency_keys SET response = ${JSON.stringify(response)}::jsonb
      WHERE key = ${key} AND response IS NULL`,
  );
}

/**
 * Frees a key whose request failed after an earlier command of it had claimed the key:
 * nothing was answered, so a retry must run again rather than wait for an answer.
 */
export async function releaseIdempotencyKey(db: Db, companyId: string, key: string) {
  await inCompany(
    db,
    companyId,
    (tx) => tx.$executeRaw`
      DELETE FROM idempotency_keys WHERE key = ${key} AND response IS NULL`,
  );
}

/** Deletes the company's keys older than the retention; returns how many. */
export async function pruneIdempotencyKeys(db: Db, companyId: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 60 * 60 * 1000);
  return inCompany(
    db,
    companyId,
    (tx) => tx.$executeRaw`DELETE FROM idempotency_keys WHERE created_at < ${before}`,
  );
}
