import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ReadTx, WriteTx } from '../client.ts';
import { type CommandTx, sql, sqlOf, writeSqlOf } from '../transaction-connections.ts';
import { KeyRing, sealedSubjectsOf } from './key-ring.ts';
import { KEY_BYTES } from './seal-cipher.ts';

type KeyRow = { person_id: string; key: Uint8Array | null };

/** New health data about a person whose data was erased: refused, never sealed with a new key. */
export class PersonErasedError extends Error {
  override name = 'PersonErasedError';
  constructor(readonly personId: string) {
    super(
      `The health data of person ${personId} was erased; nothing new can be recorded about them`,
    );
  }
}

function asMap(rows: readonly KeyRow[]): Map<string, Buffer | null> {
  return new Map(rows.map((row) => [row.person_id, row.key ? Buffer.from(row.key) : null]));
}

const SELECT_KEYS = `SELECT person_id::text, key FROM person_keys
                     WHERE company_id = $1::uuid AND person_id = ANY($2::uuid[])`;

// New keys ($3, one per person of $2); a person who has one (or had it destroyed) keeps it.
const INSERT_NEW_KEYS = `INSERT INTO person_keys (company_id, person_id, key)
  SELECT $1::uuid, p, k FROM unnest($2::uuid[], $3::bytea[]) AS n(p, k)
  ON CONFLICT (company_id, person_id) DO NOTHING`;

/**
 * The sealing keys of these people, made on first use (in the write transaction, so a key
 * exists exactly when an event sealed with it commits). A destroyed key throws PersonErasedError.
 */
export async function sealingKeys(
  tx: CommandTx,
  companyId: string,
  personIds: readonly string[],
): Promise<Map<string, Buffer>> {
  if (personIds.length === 0) return new Map();
  // One statement: new keys inserted, existing ones read. A key another transaction is
  // inserting at the same moment is not in this statement's snapshot: read again below.
  const statements = sqlOf(tx);
  const rows = await statements.rows<KeyRow>(
    sql(
      `WITH made AS (${INSERT_NEW_KEYS} RETURNING person_id::text, key)
       SELECT * FROM made
       UNION ALL
       ${SELECT_KEYS}`,
      companyId,
      personIds,
      personIds.map(() => randomBytes(KEY_BYTES)),
    ),
  );
  let keys = asMap(rows);
  if (personIds.some((id) => !keys.has(id))) {
    keys = asMap(await statements.rows<KeyRow>(sql(SELECT_KEYS, companyId, personIds)));
  }
  const usable = new Map<string, Buffer>();
  for (const id of personIds) {
    const key = keys.get(id);
    if (!key) throw new PersonErasedError(id);
    usable.set(id, key);
  }
  return usable;
}

/** The ring that opens these stored payloads, read in the caller's company-bound transaction. */
export async function keyRingFor(read: ReadTx, payloads: Iterable<unknown>): Promise<KeyRing> {
  const ids = [...sealedSubjectsOf(payloads)];
  if (ids.length === 0) return KeyRing.EMPTY;
  const rows = await read.$queryRawUnsafe<KeyRow[]>(
    `SELECT person_id::text, key FROM person_keys
     WHERE company_id = app_current_company_id() AND person_id = ANY($1::uuid[])`,
    ids,
  );
  return new KeyRing(asMap(rows));
}

/**
 * A key for every person of the company (made where missing), through the owner's raw
 * connection, for the bulk seed: its history is about people who all exist before it starts.
 */
export async function bulkSealingKeys(
  client: pg.Client,
  companyId: string,
): Promise<Map<string, Buffer>> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
    const people = await client.query<{ id: string }>(
      'SELECT id::text FROM persons WHERE company_id = $1::uuid',
      [companyId],
    );
    const ids = people.rows.map((row) => row.id);
    await client.query(INSERT_NEW_KEYS, [companyId, ids, ids.map(() => randomBytes(KEY_BYTES))]);
    const { rows } = await client.query<KeyRow>(SELECT_KEYS, [companyId, ids]);
    await client.query('COMMIT');
    const keys = new Map<string, Buffer>();
    for (const [id, key] of asMap(rows)) if (key) keys.set(id, key);
    return keys;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Every key of a company, through a raw connection (rebuild, tests, tools). */
export async function companyKeyRing(client: pg.Client, companyId: string): Promise<KeyRing> {
  const { rows } = await client.query<KeyRow>(
    'SELECT person_id::text, key FROM person_keys WHERE company_id = $1::uuid',
    [companyId],
  );
  return new KeyRing(asMap(rows));
}

/**
 * Keys copied along with a replayed log (replay into another database), as they are: a
 * destroyed key stays destroyed. Keys the target already holds are left alone.
 */
export async function copyKeys(
  write: { $executeRawUnsafe: WriteTx['$executeRawUnsafe'] } | pg.Client,
  companyId: string,
  ring: KeyRing,
): Promise<void> {
  const entries = ring.entries();
  if (entries.length === 0) return;
  // Keys go as hex text: through Prisma's pg adapter, a bytea[] whose first element is null
  // (a destroyed key) arrives with the keys after it as base64 text, 44 bytes instead of 32.
  const sql = `INSERT INTO person_keys (company_id, person_id, key, destroyed_at)
     SELECT $1::uuid, p, decode(k, 'hex'), CASE WHEN k IS NULL THEN now() END
     FROM unnest($2::uuid[], $3::text[]) AS n(p, k)
     ON CONFLICT (company_id, person_id) DO NOTHING`;
  const params = [
    companyId,
    entries.map(([id]) => id),
    entries.map(([, key]) => key?.toString('hex') ?? null),
  ];
  if ('query' in write) await write.query(sql, params);
  else await write.$executeRawUnsafe(sql, ...params);
}

/** Erasure: the key is destroyed (set to null, its row kept so no new key is made). */
export async function destroyPersonKey(
  tx: CommandTx,
  companyId: string,
  personId: string,
): Promise<void> {
  await writeSqlOf(tx).run(
    sql(
      `INSERT INTO person_keys (company_id, person_id, key, destroyed_at)
       VALUES ($1::uuid, $2::uuid, NULL, now())
       ON CONFLICT (company_id, person_id)
         DO UPDATE SET key = NULL, destroyed_at = now() WHERE person_keys.key IS NOT NULL`,
      companyId,
      personId,
    ),
  );
}
