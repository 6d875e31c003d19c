import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from './generated/prisma/client.ts';

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

export interface CreateDbOptions {
  /** Largest number of pooled connections. */
  maxConnections?: number;
}

/**
 * A Prisma client over node-postgres. The application passes the URL of the
 * non-owner role (aegira_app) so that row-level security applies to it.
 */
export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}

/** The full client behind a Db; only packages/db's own transaction openers use it. */
export function prismaOf(db: Db): PrismaClient {
  return db as PrismaClient;
}
