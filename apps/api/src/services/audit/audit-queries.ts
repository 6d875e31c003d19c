import { type Db, type Prisma, withTenant } from '@aegira/db';
import type { AuditAction, EntityType } from '@aegira/events';
import type { Actor } from '../../trpc/context.ts';
import { redactSecrets } from './redact.ts';

export interface AuditListRequest {
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  entityType?: EntityType | undefined;
  entityId?: string | undefined;
  /** Inclusive ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

async function actorNames(tx: Prisma.TransactionClient, ids: ReadonlyArray<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const people = await tx.person.findMany({
    where: { id: { in: wanted } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(people.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
}

function actorOf(names: Map<string, string>, id: string | null) {
  return id ? { id, name: names.get(id) ?? 'Unknown person' } : null;
}

/** The company's audit log, newest first, by cursor (the id of the last row seen). */
export async function listAudit(db: Db, actor: Actor, request: AuditListRequest) {
  return withTenant(db, actor.companyId, async (tx) => {
    const rows = await tx.auditLog.findMany({
      where: {
        ...(request.action ? { action: request.action } : {}),
        ...(request.actorId ? { actorId: request.actorId } : {}),
        ...(request.entityType ? { entityType: request.entityType } : {}),
        ...(request.entityId ? { entityId: request.entityId } : {}),
        ...(request.from || request.to
          ? {
              createdAt: {
                ...(request.from ? { gte: new Date(request.from) } : {}),
                ...(request.to ? { lte: new Date(request.to) } : {}),
              },
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    const names = await actorNames(
      tx,
      page.map((row) => row.actorId),
    );
    return {
      items: page.map((row) => ({
        id: row.id,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        eventId: row.eventId,
        actor: actorOf(names, row.actorId),
        details: redactSecrets(row.details),
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

export interface EntityEventsRequest {
  entityType: EntityType;
  entityId: string;
  /** The position of the last event seen. */
  cursor?: string | undefined;
  limit: number;
}

/** The full event history of one entity, newest first, secrets masked. */
export async function eventsForEntity(db: Db, actor: Actor, request: EntityEventsRequest) {
  return withTenant(db, actor.companyId, async (tx) => {
    const rows = await tx.event.findMany({
      where: {
        entityType: request.entityType,
        entityId: request.entityId,
        ...(request.cursor ? { position: { lt: BigInt(request.cursor) } } : {}),
      },
      orderBy: { position: 'desc' },
      take: request.limit + 1,
    });
    const page = rows.slice(0, request.limit);
    const names = await actorNames(
      tx,
      page.map((row) => row.actorId),
    );
    return {
      items: page.map((row) => ({
        id: row.id,
        type: row.type,
        position: row.position.toString(),
        actor: actorOf(names, row.actorId),
        payload: redactSecrets(row.payload),
        schemaVersion: row.schemaVersion,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.position.toString() ?? null) : null,
    };
  });
}
