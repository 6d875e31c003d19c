import { randomUUID } from 'node:crypto';
import {
  type AuditAction,
  type EntityType,
  EVENT_SCHEMA_VERSION,
  type EventPayload,
  type EventType,
  entityTypeOf,
  parseEventPayload,
} from '@aegira/events';
import type { Db, Tx } from './client.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';

export interface CommandActor {
  companyId: string;
  /** The person acting; null for the system (scheduled jobs). */
  actorId: string | null;
  /** The API token the person acted through, if any. */
  tokenId?: string | null;
}

export interface NewEvent<T extends EventType> {
  type: T;
  entityId: string;
  payload: EventPayload<T>;
}

export interface StoredEvent<T extends EventType> {
  id: string;
  companyId: string;
  actorId: string | null;
  type: T;
  entityType: EntityType;
  entityId: string;
  payload: EventPayload<T>;
  position: bigint;
  createdAt: Date;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  details: Prisma.InputJsonObject;
  /** Defaults to the command's first event. */
  eventId?: string;
}

export interface CommandScope<T extends EventType> {
  tx: Tx;
  companyId: string;
  actorId: string | null;
  /** The event this command opened with; entity rows carry its id. */
  event: StoredEvent<T>;
  /** Records a further event in the same transaction (e.g. one per unassigned member). */
  append<U extends EventType>(event: NewEvent<U>): Promise<StoredEvent<U>>;
  /** Writes the AuditLog row of an administrative action, in the same transaction. */
  audit(entry: AuditEntry): Promise<void>;
}

async function insertEvent<T extends EventType>(
  tx: Tx,
  actor: CommandActor,
  event: NewEvent<T>,
): Promise<StoredEvent<T>> {
  // Validate before anything is written; an invalid payload throws and the
  // transaction rolls back with nothing stored.
  const payload = parseEventPayload(event.type, event.payload);
  const row = await tx.event.create({
    data: {
      id: randomUUID(),
      companyId: actor.companyId,
      actorId: actor.actorId,
      actorTokenId: actor.tokenId ?? null,
      type: event.type,
      entityType: entityTypeOf(event.type),
      entityId: event.entityId,
      payload: payload as Prisma.InputJsonObject,
      schemaVersion: EVENT_SCHEMA_VERSION[event.type],
    },
  });
  return {
    id: row.id,
    companyId: row.companyId,
    actorId: row.actorId,
    type: event.type,
    entityType: entityTypeOf(event.type),
    entityId: row.entityId,
    payload,
    position: row.position,
    createdAt: row.createdAt,
  };
}

/**
 * The write path: the only way to change state (architecture.md).
 * 1. opens a transaction bound to the actor's company (RLS sees it),
 * 2. validates the payload and appends the Event first (before any entity write),
 * 3. hands `tx` and the event to `apply`, which writes the entity row with
 *    `eventId: event.id` (and AuditLog rows for admin actions),
 * 4. commits, or rolls back all of it if anything throws.
 * `apply` must use only `scope.tx` and make no network calls.
 */
export async function executeCommand<T extends EventType, R>(
  db: Db,
  actor: CommandActor,
  first: NewEvent<T> | ((tx: Tx) => Promise<NewEvent<T>>),
  apply: (scope: CommandScope<T>) => Promise<R>,
): Promise<R> {
  return db.$transaction(async (tx) => {
    await bindCompany(tx, actor.companyId);
    // A function form may read current state (in this transaction) to build the
    // event, e.g. the next token version; it must not write.
    const firstEvent = typeof first === 'function' ? await first(tx) : first;
    const event = await insertEvent(tx, actor, firstEvent);
    const scope: CommandScope<T> = {
      tx,
      companyId: actor.companyId,
      actorId: actor.actorId,
      event,
      append: (next) => insertEvent(tx, actor, next),
      audit: async (entry) => {
        await tx.auditLog.create({
          data: {
            id: randomUUID(),
            companyId: actor.companyId,
            eventId: entry.eventId ?? event.id,
            actorId: actor.actorId,
            actorTokenId: actor.tokenId ?? null,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            details: entry.details,
          },
        });
      },
    };
    return apply(scope);
  }, TRANSACTION_OPTIONS);
}
