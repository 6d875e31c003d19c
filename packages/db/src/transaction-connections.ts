import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { type Db, prismaOf, type ReadTx, type WriteTx } from './client.ts';
import type { DirectRead, SqlStatement } from './direct-reads.ts';
import { faultsOf } from './faults/fault-hooks.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

// Why the write path's own statements skip Prisma's client (issue 10; decision 045). Measured
// on the 2-core machine: a raw statement through Prisma's client inside an interactive
// transaction costs ~0.4 ms of Node CPU, the same statement through node-postgres ~0.1 ms, and
// a check-in submit sends seven of them. The transaction stays Prisma's (decide steps read
// through its model delegates); its statements that are plain SQL are sent by the driver on
// the transaction's own connection, so they are inside the same transaction, with the same
// company bound, row-level security, timeouts and statement names.

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
    if (!bound) throw new TransactionEndedError();
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

/** The capture of a transaction openTransaction opened and Prisma has not ended, if `tx` is one. */
function liveCaptureOf(tx: ReadTx | WriteTx): Capture | undefined {
  const capture = captures.get(tx);
  return capture?.bound ? capture : undefined;
}

/**
 * The plain SQL reads of a transaction opened by openTransaction: on its connection by the
 * driver, rows as node-postgres returns them. Through Prisma's client for any other handle (a
 * wrapper of it, as the tests' statement counter is), with Prisma's row types: statements sent
 * this way cast what they read to types both agree on (text, json, timestamptz, bytea).
 * Rows only: like ReadTx, the handle application code gets has no method meant to write.
 */
export function sqlOf(tx: ReadTx | WriteTx): DirectRead {
  const capture = liveCaptureOf(tx);
  if (capture) return { rows: onConnection(capture).rows };
  return {
    rows: <Row>(statement: SqlStatement) =>
      tx.$queryRawUnsafe<Row[]>(statement.text, ...statement.values),
  };
}

/** sqlOf with `run` (rows changed): for packages/db's write path and projections only. */
export function writeSqlOf(tx: WriteTx): TransactionSql {
  const capture = liveCaptureOf(tx);
  if (capture) return onConnection(capture);
  return {
    ...sqlOf(tx),
    run: (statement: SqlStatement) => tx.$executeRawUnsafe(statement.text, ...statement.values),
  };
}
