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

/** What one opening transaction learns of its connection, until Prisma ends it. */
interface Capture {
  connection: TransactionConnection | null;
  nameOf: ((query: { sql: string }) => string) | null;
  /** Set once Prisma committed or rolled back: the connection is back in the pool. */
  ended: boolean;
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
      if (!capture || capture.connection || !connection) return transaction;
      capture.connection = connection;
      capture.nameOf = nameOf;
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      const end = () => {
        capture.connection = null;
        capture.ended = true;
      };
      transaction.commit = async () => {
        end();
        return commit();
      };
      transaction.rollback = async () => {
        end();
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
  const capture: Capture = {
    connection: null,
    nameOf: null,
    ended: false,
    sent: faultsOf(db)?.statementSent,
  };
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
    const connection = capture.connection;
    if (!connection || capture.ended) throw new TransactionEndedError();
    capture.sent?.(statement.text);
    return connection.query({
      name: capture.nameOf?.({ sql: statement.text }) || undefined,
      text: statement.text,
      values: [...statement.values],
    });
  };
  return {
    rows: async <Row>(statement: SqlStatement) => (await send(statement)).rows as Row[],
    run: async (statement: SqlStatement) => (await send(statement)).rowCount ?? 0,
  };
}

function throughPrisma(tx: ReadTx | WriteTx): TransactionSql {
  return {
    rows: <Row>(statement: SqlStatement) =>
      tx.$queryRawUnsafe<Row[]>(statement.text, ...statement.values),
    run: async (statement: SqlStatement) => {
      if ('$executeRawUnsafe' in tx) {
        return tx.$executeRawUnsafe(statement.text, ...statement.values);
      }
      return (await tx.$queryRawUnsafe<unknown[]>(statement.text, ...statement.values)).length;
    },
  };
}

function statementsOf(tx: ReadTx | WriteTx): TransactionSql {
  const capture = captures.get(tx);
  return capture?.connection ? onConnection(capture) : throughPrisma(tx);
}

/**
 * The plain SQL reads of a transaction opened by openTransaction: on its connection by the
 * driver, rows as node-postgres returns them. Through Prisma's client for any other handle (a
 * wrapper of it, as the tests' statement counter is), with Prisma's row types: statements sent
 * this way cast what they read to types both agree on (text, json, timestamptz, bytea).
 * Rows only: like ReadTx, the handle application code gets has no method meant to write.
 */
export function sqlOf(tx: ReadTx | WriteTx): DirectRead {
  const { rows } = statementsOf(tx);
  return { rows };
}

/** sqlOf with `run` (rows changed): for packages/db's write path and projections only. */
export function writeSqlOf(tx: WriteTx): TransactionSql {
  return statementsOf(tx);
}
