import { type EventType, parseEventPayload } from '@aegira/events';
import type { Db } from './client.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { type AnyStoredEvent, projectEvent } from './projections/project-event.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';

/** An event as read from the log of one database, to be replayed into another. */
export interface LoggedEvent {
  id: string;
  companyId: string;
  actorId: string | null;
  actorTokenId: string | null;
  type: EventType;
  entityType: string;
  entityId: string;
  payload: Prisma.JsonValue;
  schemaVersion: number;
  createdAt: Date;
  /** The transaction that wrote it: events of one transaction are replayed together. */
  txId: bigint;
}

function storedEvent(event: LoggedEvent, position: bigint): AnyStoredEvent {
  const payload = parseEventPayload(event.type, event.payload);
  // parseEventPayload checked the payload against this very type, which is the
  // pairing AnyStoredEvent expresses; TypeScript cannot follow that correlation.
  return {
    id: event.id,
    companyId: event.companyId,
    actorId: event.actorId,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    payload,
    position,
    createdAt: event.createdAt,
  } as AnyStoredEvent;
}

/**
 * Rebuilds a company's tables in `db` from its event log (in log order): each
 * original transaction becomes one transaction that appends the same events and
 * applies the same projections the write path used. Returns the events replayed.
 */
export async function replayCompanyEvents(
  db: Db,
  companyId: string,
  events: readonly LoggedEvent[],
): Promise<number> {
  const groups: LoggedEvent[][] = [];
  for (const event of events) {
    if (event.companyId !== companyId)
      throw new Error(`Event ${event.id} belongs to another company`);
    const last = groups.at(-1);
    if (last?.[0]?.txId === event.txId) last.push(event);
    else groups.push([event]);
  }
  for (const group of groups) {
    await db.$transaction(async (tx) => {
      await bindCompany(tx, companyId);
      for (const event of group) {
        const row = await tx.event.create({
          data: {
            id: event.id,
            companyId,
            actorId: event.actorId,
            actorTokenId: event.actorTokenId,
            type: event.type,
            entityType: event.entityType,
            entityId: event.entityId,
            payload: event.payload ?? {},
            schemaVersion: event.schemaVersion,
            createdAt: event.createdAt,
          },
        });
        await projectEvent(tx, storedEvent(event, row.position));
      }
    }, TRANSACTION_OPTIONS);
  }
  return events.length;
}
