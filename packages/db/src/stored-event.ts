import type { EntityType, EventPayload, EventType } from '@aegira/events';

/** An event as appended to the log, with its payload in the current version. */
export interface StoredEvent<T extends EventType> {
  id: string;
  companyId: string;
  actorId: string | null;
  actorTokenId: string | null;
  type: T;
  entityType: EntityType;
  entityId: string;
  payload: EventPayload<T>;
  position: bigint;
  createdAt: Date;
}

/** A stored event whose payload matches its type, whatever the type. */
export type AnyStoredEvent = { [K in EventType]: StoredEvent<K> }[EventType];
