import { runsInProduction } from '@aegira/config';
import type { Db } from '../client.ts';
import type { TransactionSql } from '../transaction-connections.ts';

/**
 * Test-only seams in the write path (decision 034), so that fault cases that cannot be
 * provoked from outside (a kill between the event insert and the projection, a slow
 * COMMIT, a database error mid-transaction, a stalled event loop) become tests.
 * Hooks attach to one Db instance: other clients in the same process are untouched, and
 * with none installed the write path pays one WeakMap lookup.
 */
export interface FaultHooks {
  /**
   * Runs synchronously right after the transaction was opened (Prisma's `$transaction(...)` or
   * the driver's, decision 046) and before it is awaited:
   * a hook that busy-waits here blocks the event loop while the transaction is starting.
   */
  transactionCalled?: () => void;
  /**
   * After the command's events are inserted, before any projection writes: pause or throw.
   * Gets the transaction's plain SQL (rows, run), as the write path's own steps do.
   */
  afterEventInsert?: (tx: TransactionSql) => Promise<void>;
  /** The last step inside the transaction callback, just before COMMIT is sent. */
  beforeCommit?: (tx: TransactionSql) => Promise<void>;
  /**
   * Sees the text of each statement a transaction sends by the driver rather than through
   * Prisma's client (transaction-connections.ts), for tests that count a path's statements.
   */
  statementSent?: (text: string) => void;
}

const installed = new WeakMap<Db, FaultHooks>();

export class FaultsInProductionError extends Error {
  constructor() {
    super('Fault-injection hooks are for tests and are refused when NODE_ENV=production.');
    this.name = 'FaultsInProductionError';
  }
}

/** Installs `hooks` on `db` (replacing any); returns a function that removes them. */
export function installFaults(db: Db, hooks: FaultHooks): () => void {
  if (runsInProduction()) throw new FaultsInProductionError();
  installed.set(db, hooks);
  return () => {
    if (installed.get(db) === hooks) installed.delete(db);
  };
}

/** The hooks installed on `db`, if any (the write path's one lookup). */
export function faultsOf(db: Db): FaultHooks | undefined {
  return installed.get(db);
}
