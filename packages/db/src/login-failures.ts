import { randomUUID } from 'node:crypto';
import { type Db, prismaOf, type ReadTx } from './client.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';

// Failed logins of known accounts and password rehashes are operational writes outside the
// event log, like credentials (docs/decisions/032-login-throttling.md): each binds the company
// the login named, so row-level security checks it, and writes nothing else.

/** Records one failed login of a known person (login_failures, pruned after 30 days). */
export async function recordLoginFailure(
  db: Db,
  failure: { companyId: string; personId: string },
): Promise<void> {
  await prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, failure.companyId);
    await tx.$executeRaw`
      INSERT INTO login_failures (id, company_id, person_id, failed_at)
      VALUES (${randomUUID()}::uuid, ${failure.companyId}::uuid, ${failure.personId}::uuid, now())`;
    // Retention: this company's rows past 30 days go as new ones arrive.
    await tx.$executeRaw`
      DELETE FROM login_failures WHERE failed_at < now() - interval '30 days'`;
  }, TRANSACTION_OPTIONS);
}

export interface LoginFailureCount {
  personId: string;
  failures: number;
  lastFailedAt: Date;
}

/** Failed logins per person of the bound company since `since`, most first. */
export async function countLoginFailures(read: ReadTx, since: Date): Promise<LoginFailureCount[]> {
  const rows = await read.$queryRaw<
    Array<{ person_id: string; failures: number; last_failed_at: Date }>
  >`
    SELECT person_id, count(*)::int AS failures, max(failed_at) AS last_failed_at
    FROM login_failures
    WHERE failed_at >= ${since}
    GROUP BY person_id
    ORDER BY failures DESC, last_failed_at DESC`;
  return rows.map((row) => ({
    personId: row.person_id,
    failures: row.failures,
    lastFailedAt: row.last_failed_at,
  }));
}

/**
 * Replaces a stored password hash with a stronger one of the same password (a rehash after a
 * successful login). A credential store update, not a state change: no event, no session
 * revoked. Only if the stored hash is still `previousHash`, so a password changed meanwhile wins.
 */
export async function upgradePasswordHash(
  db: Db,
  upgrade: { companyId: string; personId: string; previousHash: string; passwordHash: string },
): Promise<boolean> {
  return prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, upgrade.companyId);
    const changed = await tx.$executeRaw`
      UPDATE person_credentials SET password_hash = ${upgrade.passwordHash}, updated_at = now()
      WHERE person_id = ${upgrade.personId}::uuid AND password_hash = ${upgrade.previousHash}`;
    return changed === 1;
  }, TRANSACTION_OPTIONS);
}

/**
 * The stored password hash of a person of the company `companyId`, or null. For re-checking the
 * current password of a signed-in person (profile.changePassword); login uses app_find_login.
 */
export async function readPasswordHash(
  db: Db,
  person: { companyId: string; personId: string },
): Promise<string | null> {
  return prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, person.companyId);
    const rows = await tx.$queryRaw<Array<{ password_hash: string }>>`
      SELECT password_hash FROM person_credentials WHERE person_id = ${person.personId}::uuid`;
    return rows[0]?.password_hash ?? null;
  }, TRANSACTION_OPTIONS);
}
