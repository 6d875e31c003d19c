import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;
/** A transaction handle; code inside the write path uses only this, never the global client. */
export type Tx = Prisma.TransactionClient;

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
