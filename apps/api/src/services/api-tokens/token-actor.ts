import { findApiToken, withTenant } from '@aegira/db';
import { type ApiTokenCredential, secretMatches } from '../../auth/api-token.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor, ApiDeps } from '../actor.ts';

function refused(): AppError {
  // One answer for unknown, wrong, revoked and expired tokens: nothing to probe.
  return new AppError('INVALID_API_TOKEN', 'The API token is invalid, expired or revoked.');
}

/**
 * The actor behind an API token, checked on every request: the secret, expiry
 * and revocation, and that the admin who issued it is still an active admin of
 * an active company. The token acts as that admin, limited by its scope.
 */
export async function loadTokenActor(
  deps: ApiDeps,
  credential: ApiTokenCredential,
): Promise<Actor> {
  const record = await findApiToken(deps.db, credential.tokenId);
  const now = deps.now?.() ?? new Date();
  if (
    !record ||
    !secretMatches(credential.secret, record.tokenHash) ||
    record.revokedAt !== null ||
    (record.expiresAt !== null && record.expiresAt <= now)
  ) {
    throw refused();
  }
  const issuer = await withTenant(deps.db, record.companyId, async (read) => {
    const person = await read.person.findUnique({ where: { id: record.createdById } });
    const company = await read.company.findUnique({ where: { id: record.companyId } });
    return person?.isActive && person.role === 'ADMIN' && company?.isActive ? person : null;
  });
  if (!issuer) throw refused();
  return {
    personId: issuer.id,
    companyId: record.companyId,
    // READ_ONLY reads what an admin can read; the other scopes are roles.
    role: record.scope === 'READ_ONLY' ? 'ADMIN' : record.scope,
    email: issuer.email,
    firstName: issuer.firstName,
    lastName: issuer.lastName,
    tokenId: credential.tokenId,
    readOnly: record.scope === 'READ_ONLY',
    // Tokens carry no password; the issuer's forced change concerns their browser sessions.
    mustChangePassword: false,
    credential: { kind: 'api_token', tokenId: credential.tokenId, issuerId: issuer.id },
  };
}
