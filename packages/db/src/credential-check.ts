import { Prisma } from './generated/prisma/client.ts';
import type { CommandTx } from './transaction-connections.ts';
import { sqlOf } from './transaction-connections.ts';

/**
 * The credential a request was authenticated with, carried in the command's actor so the
 * write path can check it again inside the transaction that writes (issue 11: a revoked
 * API token still wrote for 113 ms after the revoke returned).
 */
export type ActorCredential =
  | { kind: 'session'; personId: string; tokenVersion: number }
  | { kind: 'api_token'; tokenId: string; issuerId: string };

/** The credential no longer holds: revoked, expired, or its person deactivated or demoted. */
export class CredentialRevokedError extends Error {
  constructor(readonly credential: ActorCredential['kind']) {
    super(`the ${credential === 'session' ? 'session' : 'API token'} is no longer valid`);
    this.name = 'CredentialRevokedError';
  }
}

interface SessionRow {
  token_version: number;
  person_active: boolean;
  company_active: boolean;
}

interface TokenRow {
  revoked: boolean;
  expired: boolean;
  issuer_admin: boolean;
  company_active: boolean;
}

/**
 * Re-reads the credential with a row lock, first thing in the write transaction. Whatever
 * revokes it (logout, password or role change, deactivation, token revocation) updates the
 * same row, so it either waits for this write to commit, or this write waits for it and,
 * re-reading the row after the wait (READ COMMITTED), sees it revoked and writes nothing.
 *
 * A session locks its person FOR NO KEY UPDATE, not FOR SHARE: several commands lock their
 * actor's own row for update (logout, password change, leave), and two concurrent ones
 * holding FOR SHARE would deadlock upgrading it; this way a person's writes queue instead.
 * An API token's row is only updated by its revocation (an admin session, never a token),
 * so FOR SHARE lets a token's writes run side by side. The company row is read unlocked:
 * company updates lock it and must not wait for every write of the company.
 */
export async function recheckCredential(tx: CommandTx, credential: ActorCredential): Promise<void> {
  if (credential.kind === 'session') {
    const [row] = await sqlOf(tx).rows<SessionRow>(Prisma.sql`
      SELECT p.token_version, p.is_active AS person_active,
             (SELECT c.is_active FROM companies c WHERE c.id = p.company_id) AS company_active
      FROM persons p WHERE p.id = ${credential.personId}::uuid
      FOR NO KEY UPDATE OF p`);
    if (
      !row ||
      row.token_version !== credential.tokenVersion ||
      !row.person_active ||
      !row.company_active
    ) {
      throw new CredentialRevokedError('session');
    }
    return;
  }
  const [row] = await sqlOf(tx).rows<TokenRow>(Prisma.sql`
    SELECT t.revoked_at IS NOT NULL AS revoked,
           coalesce(t.expires_at <= now(), false) AS expired,
           (p.is_active AND p.role = 'ADMIN') AS issuer_admin,
           (SELECT c.is_active FROM companies c WHERE c.id = t.company_id) AS company_active
    FROM api_tokens t JOIN persons p ON p.id = t.created_by_id
    WHERE t.id = ${credential.tokenId}::uuid AND p.id = ${credential.issuerId}::uuid
    FOR SHARE OF t, p`);
  if (!row || row.revoked || row.expired || !row.issuer_admin || !row.company_active) {
    throw new CredentialRevokedError('api_token');
  }
}
