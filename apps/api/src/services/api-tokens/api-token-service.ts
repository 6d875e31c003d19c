import { type ApiToken, event, executeCommand, type ReadTx, withTenant } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { generateApiToken } from '../../auth/api-token.ts';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';

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

/** The token as a command left it, with its issuer's name. */
async function tokenDtoOf(read: ReadTx, tokenId: string, now: Date): Promise<ApiTokenDto> {
  const token = await read.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
  const issuer = await read.person.findUnique({
    where: { id: token.createdById },
    select: { firstName: true, lastName: true },
  });
  const names = new Map<string, string>();
  if (issuer) names.set(token.createdById, `${issuer.firstName} ${issuer.lastName}`);
  return toDto(token, names, now);
}

/** A new token for a purpose; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  deps: ServiceDeps,
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
  const expiresAt = request.expiresAt ?? null;
  const apiToken = await executeCommand(
    deps.db,
    commandActor(actor),
    async () => ({
      events: [
        event(
          EventType.API_TOKEN_CREATED,
          {
            id: secret.id,
            name: request.name,
            scope: request.scope,
            prefix: secret.prefix,
            createdById: actor.personId,
            expiresAt,
          },
          {
            action: AuditAction.API_TOKEN_CREATED,
            details: { name: request.name, scope: request.scope, expiresAt },
          },
        ),
      ],
      // The hash is a credential: it goes to api_token_secrets, never into the event.
      credentials: [{ kind: 'api_token', tokenId: secret.id, tokenHash: secret.tokenHash }],
    }),
    (read) => tokenDtoOf(read, secret.id, now),
  );
  return { token: secret.token, apiToken };
}

export async function listApiTokens(deps: ServiceDeps, actor: Actor): Promise<ApiTokenDto[]> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const tokens = await read.apiToken.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    const people = await read.person.findMany({
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
  deps: ServiceDeps,
  actor: Actor,
  tokenId: string,
): Promise<ApiTokenDto> {
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      // Locked, so two concurrent revocations cannot both pass the check below.
      await read.$queryRaw`SELECT id FROM api_tokens WHERE id = ${tokenId}::uuid FOR UPDATE`;
      const token = await read.apiToken.findUnique({ where: { id: tokenId } });
      if (!token) throw new AppError('NOT_FOUND', 'No API token with that id.');
      if (token.revokedAt) {
        throw new AppError('ALREADY_REVOKED', 'This API token is already revoked.');
      }
      return [
        event(
          EventType.API_TOKEN_REVOKED,
          { id: tokenId, revokedById: actor.personId, revokedAt: now.toISOString() },
          { action: AuditAction.API_TOKEN_REVOKED, details: { name: token.name } },
        ),
      ];
    },
    (read) => tokenDtoOf(read, tokenId, now),
  );
}
