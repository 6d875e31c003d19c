import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { type Db, prismaOf, type ReadTx, type WriteTx } from './client.ts';
import { type DirectRead, directOf, type SqlStatement } from './direct-reads.ts';
import { faultsOf } from './faults/fault-hooks.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

// Why the write path's own statements skip Prisma's client (issue 10; decision 045). Measured
// on the 2-core machine: a raw statement through Prisma's client inside an interactive
// transaction costs ~0.4 ms of Node CPU, the same statement through node-postgres ~0.1 ms, and
// a check-in submit sends seven of them. Most transactions stay Prisma's (decide steps read
// through its model delegates); their statements that are plain SQL are sent by the driver on
// the transaction's own connection, so they are inside the same transaction, with the same
// company bound, row-level security, timeouts and statement names. A command whose decide
// step reads by plain SQL only runs in a transaction the driver opens itself
// (openSqlTransaction, decision 046), and then no statement of it goes through Prisma.

/** A connection as Prisma's pg adapter holds it inside a transaction. */
interface TransactionConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{
    rows: unknown[];
    rowCount: number | null;
  }>;
}

/** The connection of a transaction, and the pool's statement names (decision 043). */
interface Bound {
  connection: TransactionConnection;
  nameOf: (query: { sql: string }) => string;
}

/** What an opening transaction learns: its connection, from Prisma starting it until it ends. */
interface Capture {
  bound: Bound | null;
  /** A driver transaction's timeout (ms), once it expired: its statements are refused as such. */
  expiredAfter?: number;
  /** Test seam (fault-hooks.ts): sees each statement sent by the driver. */
  sent: ((text: string) => void) | undefined;
}

const opening = new AsyncLocalStorage<Capture>();
const captures = new WeakMap<object, Capture>();

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type AdapterTransaction = Awaited<ReturnType<Adapter['startTransaction']>>;

function connectionOf(transaction: AdapterTransaction): TransactionConnection | null {
  // PgTransaction keeps its pooled client as `client` (adapter-pg's PgQueryable).
  const client: unknown = Reflect.get(transaction, 'client');
  if (typeof client !== 'object' || client === null) return null;
  return typeof Reflect.get(client, 'query') === 'function'
    ? (client as TransactionConnection)
    : null;
}

/**
 * Prisma's pg adapter, telling each transaction opened through openTransaction which
 * connection it runs on, and forgetting it before the connection goes back to the pool.
 */
export class CapturingPrismaPg extends PrismaPg {
  constructor(
    pool: ConstructorParameters<typeof PrismaPg>[0],
    private readonly pgOptions: ConstructorParameters<typeof PrismaPg>[1] & {
      statementNameGenerator: (query: { sql: string }) => string;
    },
  ) {
    super(pool, pgOptions);
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    const nameOf = this.pgOptions.statementNameGenerator;
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await start(isolationLevel);
      const capture = opening.getStore();
      const connection = connectionOf(transaction);
      if (!capture || capture.bound || !connection) return transaction;
      capture.bound = { connection, nameOf };
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = async () => {
        capture.bound = null;
        return commit();
      };
      transaction.rollback = async () => {
        capture.bound = null;
        return rollback();
      };
      return transaction;
    };
    return adapter;
  }
}

/**
 * Opens one of Prisma's interactive transactions (withTenant, executeCommand) so that sqlOf can
 * send plain SQL on its connection. `work` gets the transaction handle as Prisma passes it.
 */
export function openTransaction<R>(
  db: Db,
  work: (tx: WriteTx) => Promise<R>,
  options?: Parameters<PrismaClient['$transaction']>[1],
): Promise<R> {
  const capture: Capture = { bound: null, sent: faultsOf(db)?.statementSent };
  return opening.run(capture, () =>
    prismaOf(db).$transaction(async (tx) => {
      captures.set(tx, capture);
      return work(tx);
    }, options),
  );
}

/** The statements of a transaction, as rows (DirectRead) or as a count of rows changed. */
export interface TransactionSql extends DirectRead {
  run(statement: SqlStatement): Promise<number>;
}

/** A statement with $1… placeholders and its values, as Prisma.sql builds them. */
export function sql(text: string, ...values: unknown[]): SqlStatement {
  return { text, values };
}

class TransactionExpiredError extends Error {
  override name = 'TransactionExpiredError';
  constructor(what: 'A query' | 'A commit', timeout: number) {
    // Worded as Prisma words it (db-errors.ts): a timeout.
    super(`${what} cannot be executed on an expired transaction (timeout ${timeout} ms).`);
  }
}

class TransactionEndedError extends Error {
  override name = 'TransactionEndedError';
  constructor() {
    // Worded as Prisma words it, so it is classified the same (db-errors.ts): busy, retry.
    super('Transaction already closed: a statement was sent after the transaction ended.');
  }
}

function onConnection(capture: Capture): TransactionSql {
  const send = async (statement: SqlStatement) => {
    // Read at each statement: the transaction may have ended since the handle was taken.
    const bound = capture.bound;
    if (!bound) {
      throw capture.expiredAfter === undefined
        ? new TransactionEndedError()
        : new TransactionExpiredError('A query', capture.expiredAfter);
    }
    capture.sent?.(statement.text);
    return bound.connection.query({
      name: bound.nameOf({ sql: statement.text }) || undefined,
      text: statement.text,
      values: [...statement.values],
    });
  };
  return {
    rows: async <Row>(statement: SqlStatement) => (await send(statement)).rows as Row[],
    run: async (statement: SqlStatement) => (await send(statement)).rowCount ?? 0,
  };
}

/**
 * The handle of a transaction openSqlTransaction opened: no Prisma client behind it, so its
 * statements go only by sqlOf and writeSqlOf, and after it ended they are refused.
 */
class SqlOnlyTx {
  declare private readonly sqlOnly: never;
}

export type { SqlOnlyTx };

/** What the write path's steps run in: one of Prisma's transactions, or a driver one. */
export type CommandTx = WriteTx | SqlOnlyTx;

/**
 * The capture to send `tx`'s statements by: a driver transaction's always (ended or not), a
 * Prisma transaction's while Prisma has not ended it (after that, Prisma refuses them itself).
 */
function captureOf(tx: ReadTx | CommandTx): Capture | undefined {
  const capture = captures.get(tx);
  return capture && (capture.bound || tx instanceof SqlOnlyTx) ? capture : undefined;
}

/**
 * The plain SQL reads of a transaction opened by openTransaction or openSqlTransaction: on its
 * connection by the driver, rows as node-postgres returns them. Through Prisma's client for
 * any other handle (a wrapper of it, as the tests' statement counter is), with Prisma's row
 * types: statements sent this way cast what they read to types both agree on (text, json,
 * timestamptz, bytea).
 * Rows only: like ReadTx, the handle application code gets has no method meant to write.
 */
export function sqlOf(tx: ReadTx | CommandTx): DirectRead {
  const capture = captureOf(tx);
  if (capture) return { rows: onConnection(capture).rows };
  if (tx instanceof SqlOnlyTx) throw new TransactionEndedError();
  return {
    rows: <Row>(statement: SqlStatement) =>
      tx.$queryRawUnsafe<Row[]>(statement.text, ...statement.values),
  };
}

/** sqlOf with `run` (rows changed): for packages/db's write path and projections only. */
export function writeSqlOf(tx: CommandTx): TransactionSql {
  const capture = captureOf(tx);
  if (capture) return onConnection(capture);
  if (tx instanceof SqlOnlyTx) throw new TransactionEndedError();
  return {
    ...sqlOf(tx),
    run: (statement: SqlStatement) => tx.$executeRawUnsafe(statement.text, ...statement.values),
  };
}

class TransactionStartError extends Error {
  override name = 'TransactionStartError';
  constructor(maxWait: number) {
    // Worded as Prisma words it (db-errors.ts): busy, retry.
    super(`Unable to start a transaction in the given time (maxWait ${maxWait} ms).`);
  }
}

/** A pooled connection within `maxWait`, or TransactionStartError (a late one goes back). */
function connectWithin(pool: pg.Pool, maxWait: number): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new TransactionStartError(maxWait));
    }, maxWait);
    pool.connect().then(
      (client) => {
        clearTimeout(timer);
        if (late) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * A transaction wholly on the driver (decision 046): BEGIN, `work`, COMMIT on one pooled
 * connection, for commands whose every statement is plain SQL, and (`readOnly`) for the direct
 * reads (withTenantDirect), which the database then refuses any write. It keeps the limits of
 * Prisma's interactive transactions (createDb's `maxWait` and `timeout`):
 * - no connection within `maxWait`: refused as busy, and a connection that comes later goes
 *   straight back to the pool;
 * - past `timeout`: rolled back at once (after any statement in flight), later statements are
 *   refused, and the command fails as a timeout. Once COMMIT is sent the timeout no longer
 *   applies, so the answer always matches what committed (FT-7);
 * - anything `work` throws rolls it back. A connection that failed, or whose ROLLBACK or
 *   COMMIT did, is not reused.
 */
export async function openSqlTransaction<R>(
  db: Db,
  work: (tx: SqlOnlyTx) => Promise<R>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<R> {
  const { pool, nameOf, transaction: limits } = directOf(db);
  const client = await connectWithin(pool, limits.maxWait);
  let broken: Error | undefined;
  const noteBroken = (error: unknown) => {
    broken ??= error instanceof Error ? error : new Error(String(error));
  };
  // A connection lost while no statement runs (the server ended an idle transaction, the
  // socket was cut) is reported as an 'error' event; unheard, Node would treat it as a crash.
  client.on('error', noteBroken);
  const capture: Capture = {
    bound: { connection: client, nameOf },
    sent: faultsOf(db)?.statementSent,
  };
  const tx = new SqlOnlyTx();
  captures.set(tx, capture);
  let ending: Promise<unknown> | undefined;
  const end = (statement: 'COMMIT' | 'ROLLBACK') => {
    capture.bound = null;
    ending ??= client.query(statement);
    return ending;
  };
  const timer = setTimeout(() => {
    if (ending) return;
    capture.expiredAfter = limits.timeout;
    end('ROLLBACK').catch(noteBroken);
  }, limits.timeout);
  try {
    await client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
    const result = await work(tx);
    if (capture.expiredAfter !== undefined) {
      throw new TransactionExpiredError('A commit', capture.expiredAfter);
    }
    await end('COMMIT');
    return result;
  } catch (error) {
    await end('ROLLBACK').catch(noteBroken);
    throw error;
  } finally {
    clearTimeout(timer);
    client.off('error', noteBroken);
    client.release(broken);
  }
}
