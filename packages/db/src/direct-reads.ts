import type pg from 'pg';
import type { Db } from './client.ts';
import type { Prisma } from './generated/prisma/client.ts';

// Why the hottest reads skip Prisma's client (issue 10; decision 044). Measured on the 2-core
// machine: a statement through Prisma's client costs ~0.75 ms of Node CPU inside an
// interactive transaction, one through node-postgres ~0.09 ms. The session check runs before
// every request, and a roster read was five statements. These reads run on the same pool as
// Prisma (same connections, role, timeouts and statement names), so row-level security and
// the limits are unchanged; only the client-side work is less.

/** What createDb keeps of a pool for the direct reads. */
export interface DirectAccess {
  pool: pg.Pool;
  /** The pool's statement names (statement-names.ts), shared with Prisma's adapter. */
  nameOf: (query: { sql: string }) => string;
  /** The client's interactive-transaction limits, which driver transactions keep too. */
  transaction: { maxWait: number; timeout: number };
}

// Kept on the Db itself rather than in a WeakMap keyed by it, so a wrapper of the Db (the
// tests' statement counter is a Proxy) still reaches its pool.
const DIRECT_ACCESS = Symbol('aegira.directAccess');

export function setDirectAccess(db: Db, access: DirectAccess): void {
  Object.defineProperty(db, DIRECT_ACCESS, { value: access });
}

export function directOf(db: Db): DirectAccess {
  const access = (db as unknown as Record<symbol, DirectAccess | undefined>)[DIRECT_ACCESS];
  if (!access) throw new Error('direct reads need a Db made by createDb');
  return access;
}

/** A statement with $1… placeholders and its values: a Prisma.sql, or sql() (transaction-connections.ts). */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

function statementOf({ nameOf }: DirectAccess, statement: SqlStatement): pg.QueryConfig {
  return {
    name: nameOf({ sql: statement.text }),
    text: statement.text,
    values: [...statement.values],
  };
}

/**
 * One read statement with no company bound and no transaction: for the SECURITY DEFINER
 * functions asked before a company is known (the session check).
 */
export async function readUnbound<Row>(db: Db, statement: Prisma.Sql): Promise<Row[]> {
  const access = directOf(db);
  return (await access.pool.query(statementOf(access, statement))).rows as Row[];
}

/** The statements of one direct read: rows as the server sends them, typed by the caller. */
export interface DirectRead {
  rows<Row>(statement: SqlStatement): Promise<Row[]>;
}
