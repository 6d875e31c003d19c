import type { Tx } from '../client.ts';
import type { ApiToken } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';

export async function projectApiTokenCreated(
  tx: Tx,
  event: StoredEvent<'API_TOKEN_CREATED'>,
): Promise<ApiToken> {
  const t = event.payload;
  return tx.apiToken.create({
    data: {
      id: t.id,
      companyId: event.companyId,
      name: t.name,
      scope: t.scope,
      tokenHash: t.tokenHash,
      prefix: t.prefix,
      createdById: t.createdById,
      expiresAt: t.expiresAt ? new Date(t.expiresAt) : null,
      eventId: event.id,
    },
  });
}

export async function projectApiTokenRevoked(
  tx: Tx,
  event: StoredEvent<'API_TOKEN_REVOKED'>,
): Promise<ApiToken> {
  const t = event.payload;
  return tx.apiToken.update({
    where: { id: t.id },
    data: { revokedAt: new Date(t.revokedAt), revokedById: t.revokedById, eventId: event.id },
  });
}
