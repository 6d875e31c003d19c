import pg from 'pg';
import { DEFAULT_COMPANY_WRITE_SLOTS, setCompanyWriteSlots } from './company-write-slots.ts';
import { setDirectAccess } from './direct-reads.ts';
import { type Prisma, PrismaClient } from './generated/prisma/client.ts';
import { statementNames } from './statement-names.ts';
import { CapturingPrismaPg } from './transaction-connections.ts';

type ModelKey = Uncapitalize<Prisma.ModelName>;
type ReadMethod =
  | 'findUnique'
  | 'findUniqueOrThrow'
  | 'findFirst'
  | 'findFirstOrThrow'
  | 'findMany'
  | 'count'
  | 'aggregate'
  | 'groupBy';

/**
 * What application code may do inside a transaction: read. Entity rows change
 * only through the write path's projections, and events and audit rows never
 * change, so the Prisma methods that write are not in this type at all; the
 * database refuses them too (docs/decisions/009-write-path-by-construction.md).
 */
export type ReadTx = {
  readonly [K in ModelKey]: Pick<
    Prisma.TransactionClient[K],
    ReadMethod & keyof Prisma.TransactionClient[K]
  >;
} & Pick<Prisma.TransactionClient, '$queryRaw' | '$queryRawUnsafe'>;

/**
 * The client application code holds: it opens transactions only through
 * withTenant (reads) and executeCommand (writes), so model delegates, raw
 * execution and $transaction are left out of its type.
 */
export type Db = Omit<
  PrismaClient,
  ModelKey | '$executeRaw' | '$executeRawUnsafe' | '$transaction' | '$extends'
>;

/** The full transaction handle, for packages/db's write path and projections only. */
export type WriteTx = Prisma.TransactionClient;

/** Server-side limits on each app connection, in milliseconds (decision 034). */
export interface DatabaseTimeouts {
  /** Longest wait for a row or table lock before the statement fails (55P03). */
  lockMs: number;
  /** Longest a single statement may run before the server cancels it (57014). */
  statementMs: number;
  /** Longest a transaction may sit idle before the server ends the session (25P03). */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  lockMs: 2_000,
  statementMs: 10_000,
  idleInTransactionMs: 15_000,
};

/** Waits on the client side: a free pooled connection, and an interactive transaction. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 20_000 } as const;

export interface CreateDbOptions {
  /** Largest number of pooled connections. */
  maxConnections?: number;
  /** Server-side timeouts set on every connection; tests shorten them. */
  timeouts?: Partial<DatabaseTimeouts>;
  /** How long to wait for a pooled connection before failing (pg `connectionTimeoutMillis`). */
  connectionTimeoutMs?: number;
  /** Interactive transactions: wait for a start (`maxWait`) and total run time (`timeout`). */
  transaction?: { maxWait?: number; timeout?: number };
  /** pg_stat_activity.application_name of the pool's connections (tests find their backends by it). */
  applicationName?: string;
  /**
   * Write transactions one company may run at once (company-write-slots.ts); Infinity for
   * none. A write waits for a slot as long as for a transaction start (`maxWait`).
   */
  companyWriteSlots?: number;
}

/**
 * The startup `options` that set the timeouts for the session. Not pg's own
 * `statement_timeout` fields: those skip a 0, and 0 (no limit, for seeds and other
 * batch work) must override the role's default.
 */
export function timeoutOptions(timeouts: DatabaseTimeouts): string {
  return [
    `-c lock_timeout=${timeouts.lockMs}`,
    `-c statement_timeout=${timeouts.statementMs}`,
    `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
  ].join(' ');
}

/** For seeds and other batch scripts: statements as long as they need; locks still time out. */
export const BATCH_DB_OPTIONS: CreateDbOptions = {
  timeouts: { statementMs: 0 },
  // A seed writes one company as fast as it can: no other tenant to leave room for.
  companyWriteSlots: Number.POSITIVE_INFINITY,
};

/** Distinct SQL texts one pool prepares by name; later texts run unnamed (statement-names.ts). */
const MAX_NAMED_STATEMENTS = 2_000;

/**
 * A Prisma client over node-postgres. The application passes the URL of the
 * non-owner role (aegira_app) so that row-level security applies to it.
 * Every connection carries lock, statement and idle-in-transaction timeouts (the
 * migration also sets them on the role, but an owner may not be allowed to ALTER
 * ROLE on someone else's server, so the pool sets them itself).
 */
export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    options: timeoutOptions(timeouts),
    application_name: options.applicationName ?? 'aegira',
    // A script that is done may exit with connections still idle in the pool.
    allowExitOnIdle: true,
  });
  // An idle connection that fails (a server restart) leaves the pool by itself; the next
  // statement then fails and is classified (db-errors.ts). Without a listener, Node would
  // treat the pool's 'error' event as a crash.
  pool.on('error', () => undefined);
  const nameOf = statementNames(MAX_NAMED_STATEMENTS);
  // Prisma and the direct reads (decision 044) share the pool, so also its statement names.
  // The adapter tells openTransaction's transactions their connection (decision 045).
  const adapter = new CapturingPrismaPg(pool, {
    statementNameGenerator: nameOf,
    disposeExternalPool: true,
  });
  const transactionOptions = { ...DEFAULT_TRANSACTION_OPTIONS, ...options.transaction };
  const db = new PrismaClient({ adapter, transactionOptions });
  setCompanyWriteSlots(db, {
    slots: options.companyWriteSlots ?? DEFAULT_COMPANY_WRITE_SLOTS,
    maxWaitMs: transactionOptions.maxWait,
  });
  setDirectAccess(db, { pool, nameOf, transaction: transactionOptions });
  return db;
}

/** The full client behind a Db; only packages/db's own transaction openers use it. */
export function prismaOf(db: Db): PrismaClient {
  return db as PrismaClient;
}
