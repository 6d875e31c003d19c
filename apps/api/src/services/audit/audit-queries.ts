import { type Db, keyRingFor, type ReadTx, withTenant } from '@aegira/db';
import { type AuditAction, type EntityType, type EventType, entityTypeOf } from '@aegira/events';
import type { Actor } from '../actor.ts';
import { type SensitiveFields, sensitiveFieldsFor } from './field-visibility.ts';
import { hasSensitiveFields, shownDetails, shownPayload } from './redaction.ts';

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

async function actorNames(read: ReadTx, ids: ReadonlyArray<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const people = await read.person.findMany({
    where: { id: { in: wanted } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(people.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
}

function actorOf(names: Map<string, string>, id: string | null) {
  return id ? { id, name: names.get(id) ?? 'Unknown person' } : null;
}

/**
 * Whether the actor sees the sensitive fields of each entity, asked of the
 * access policy once per entity and only for events that have such fields.
 * The trail's readers are admins, whose reads do not depend on the date (the
 * clock only shapes a lead's view of people), so the real clock is enough.
 */
function sensitiveFieldsOf(read: ReadTx, actor: Actor, now: Date) {
  const known = new Map<string, Promise<SensitiveFields>>();
  return (entityType: EntityType, entityId: string): Promise<SensitiveFields> => {
    const key = `${entityType}:${entityId}`;
    let answer = known.get(key);
    if (!answer) {
      answer = sensitiveFieldsFor(read, actor, { entityType, entityId }, now);
      known.set(key, answer);
    }
    return answer;
  };
}

/** How a stored event's fields are shown: 'hide' without asking when it has nothing sensitive. */
async function visibilityOf(
  sensitiveFields: ReturnType<typeof sensitiveFieldsOf>,
  event: { type: EventType; schemaVersion: number; entityId: string },
): Promise<SensitiveFields> {
  if (!hasSensitiveFields(event.type, event.schemaVersion)) return 'hide';
  return sensitiveFields(entityTypeOf(event.type), event.entityId);
}

/**
 * The company's audit log, newest first, by cursor (the id of the last row
 * seen). Details are redacted by the field marks of the row's event.
 */
export async function listAudit(db: Db, actor: Actor, request: AuditListRequest) {
  return withTenant(db, actor.companyId, async (read) => {
    const rows = await read.auditLog.findMany({
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
      read,
      page.map((row) => row.actorId),
    );
    // The schema (type and version) each row's details are redacted by.
    const events = await read.event.findMany({
      where: { id: { in: page.map((row) => row.eventId) } },
      select: { id: true, type: true, schemaVersion: true, entityId: true },
    });
    const eventById = new Map(events.map((event) => [event.id, event]));
    const sensitiveFields = sensitiveFieldsOf(read, actor, new Date());
    const items = [];
    for (const row of page) {
      const event = eventById.get(row.eventId);
      // Every AuditLog row names an event of its company (a foreign key).
      if (!event) throw new Error(`Audit row ${row.id} has no event ${row.eventId}`);
      items.push({
        id: row.id,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        eventId: row.eventId,
        actor: actorOf(names, row.actorId),
        details: shownDetails(
          event.type,
          event.schemaVersion,
          row.details,
          await visibilityOf(sensitiveFields, event),
        ),
        createdAt: row.createdAt.toISOString(),
      });
    }
    return {
      items,
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

/**
 * The full event history of one entity, newest first, each payload in the
 * version it was stored in: secret fields removed (an old event's hash too, by
 * its own version's marks), sensitive ones shown only to readers the access
 * policy lets read the entity.
 */
export async function eventsForEntity(db: Db, actor: Actor, request: EntityEventsRequest) {
  return withTenant(db, actor.companyId, async (read) => {
    const rows = await read.event.findMany({
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
      read,
      page.map((row) => row.actorId),
    );
    const sensitive = page.some((row) => hasSensitiveFields(row.type, row.schemaVersion))
      ? await sensitiveFieldsFor(read, actor, request, new Date())
      : 'hide';
    const keys = await keyRingFor(
      read,
      page.map((row) => row.payload),
    );
    return {
      items: page.map((row) => ({
        id: row.id,
        type: row.type,
        position: row.position.toString(),
        actor: actorOf(names, row.actorId),
        payload: shownPayload(
          row.type,
          row.schemaVersion,
          keys.open(row.id, row.payload),
          sensitive,
        ),
        schemaVersion: row.schemaVersion,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.position.toString() ?? null) : null,
    };
  });
}
