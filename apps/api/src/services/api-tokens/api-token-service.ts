import type { ApiToken } from '@aegira/db';
import {
  type Db,
  executeCommand,
  projectApiTokenCreated,
  projectApiTokenRevoked,
  withTenant,
} from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { generateApiToken } from '../../auth/api-token.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';

export type ApiTokenScope = ApiToken['scope'];

export interface ApiTokenDto {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

interface TokenDeps {
  db: Db;
  now?: () => Date;
}

function toDto(token: ApiToken, names: Map<string, string>, now: Date): ApiTokenDto {
  const status = token.revokedAt
    ? 'revoked'
    : token.expiresAt && token.expiresAt <= now
      ? 'expired'
      : 'active';
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    prefix: token.prefix,
    createdBy: { id: token.createdById, name: names.get(token.createdById) ?? 'Unknown person' },
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    status,
  };
}

function issuerNames(actor: Actor): Map<string, string> {
  return new Map([[actor.personId, `${actor.firstName} ${actor.lastName}`]]);
}

/** A new token for a purpose; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  deps: TokenDeps,
  actor: Actor,
  request: { name: string; scope: ApiTokenScope; expiresAt?: string | null | undefined },
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const now = deps.now?.() ?? new Date();
  if (request.expiresAt && new Date(request.expiresAt) <= now) {
    throw new AppError('VALIDATION_FAILED', 'expiresAt: must be in the future', {
      fieldErrors: { expiresAt: ['must be in the future'] },
    });
  }
  const secret = generateApiToken();
  const row = await executeCommand(
    deps.db,
    commandActor(actor),
    {
      type: EventType.API_TOKEN_CREATED,
      entityId: secret.id,
      payload: {
        id: secret.id,
        name: request.name,
        scope: request.scope,
        tokenHash: secret.tokenHash,
        prefix: secret.prefix,
        createdById: actor.personId,
        expiresAt: request.expiresAt ?? null,
      },
    },
    async (scope) => {
      const created = await projectApiTokenCreated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.API_TOKEN_CREATED,
        entityType: 'api_token',
        entityId: secret.id,
        details: { name: request.name, scope: request.scope, expiresAt: request.expiresAt ?? null },
      });
      return created;
    },
  );
  return { token: secret.token, apiToken: toDto(row, issuerNames(actor), now) };
}

export async function listApiTokens(deps: TokenDeps, actor: Actor): Promise<ApiTokenDto[]> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (tx) => {
    const tokens = await tx.apiToken.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const people = await tx.person.findMany({
      where: { id: { in: [...new Set(tokens.map((token) => token.createdById))] } },
      select: { id: true, firstName: true, lastName: true },
    });
    const names = new Map(
      people.map((person) => [person.id, `${person.firstName} ${person.lastName}`]),
    );
    return tokens.map((token) => toDto(token, names, now));
  });
}

/** Revocation takes effect on the token's next request. */
export async function revokeApiToken(
  deps: TokenDeps,
  actor: Actor,
  tokenId: string,
): Promise<ApiTokenDto> {
  const now = deps.now?.() ?? new Date();
  const row = await executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
      if (!token) throw new AppError('NOT_FOUND', 'No API token with that id.');
      if (token.revokedAt)
        throw new AppError('ALREADY_REVOKED', 'This API token is already revoked.');
      return {
        type: EventType.API_TOKEN_REVOKED,
        entityId: tokenId,
        payload: { id: tokenId, revokedById: actor.personId, revokedAt: now.toISOString() },
      };
    },
    async (scope) => {
      const revoked = await projectApiTokenRevoked(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.API_TOKEN_REVOKED,
        entityType: 'api_token',
        entityId: tokenId,
        details: { name: revoked.name },
      });
      return revoked;
    },
  );
  const names = await withTenant(deps.db, actor.companyId, async (tx) => {
    const issuer = await tx.person.findUnique({ where: { id: row.createdById } });
    return new Map(issuer ? [[issuer.id, `${issuer.firstName} ${issuer.lastName}`]] : []);
  });
  return toDto(row, names, now);
}
