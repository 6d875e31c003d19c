import {
  type EntityType,
  EVENT_SCHEMA_VERSION,
  type EventType,
  upcastPayload,
} from '@aegira/events';
import { type Db, prismaOf } from './client.ts';
import { appendLogRows } from './event-log.ts';
import { deriveNotifications } from './notifications/derive-notifications.ts';
import { applyEvents } from './projections/apply-events.ts';
import { KeyRing } from './sealing/key-ring.ts';
import { copyKeys } from './sealing/person-keys.ts';
import type { AnyStoredEvent } from './stored-event.ts';
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
  /** As stored, in its own schema version; replay upcasts it for the projections. */
  payload: unknown;
  schemaVersion: number;
  createdAt: Date;
}

export interface ReplayOptions {
  /** Events per transaction: large batches let the set-based writer do its work. */
  batchSize?: number;
  /** The source's keys, to open sealed fields (companyKeyRing); without them a sealed event throws. */
  keys?: KeyRing;
}

/**
 * A stored payload as projections read it: sealed fields opened with `keys`, then upcast to
 * the current version. An erased payload (its key destroyed) keeps its sensitive fields null,
 * unvalidated: the schema would refuse the nulls, and it was validated when it was stored.
 * With `validate` false, a payload already in its type's current version is taken as stored
 * (a rebuild checks a sample of them, decision 022): the payload schemas transform nothing,
 * so parsing one gives back the same values (rebuild/payload-identity.unit.test.ts). Older
 * versions are always validated, as their upcasters expect.
 */
export function readStoredPayload(
  event: Pick<LoggedEvent, 'id' | 'type' | 'schemaVersion' | 'payload'>,
  keys: KeyRing,
  validate = true,
): { payload: unknown; erased: boolean } {
  const opened = keys.open(event.id, event.payload);
  if (opened.erased) {
    // Types with sensitive fields have had one version so far; an upcaster over nulls would
    // need its own thought.
    if (event.schemaVersion !== EVENT_SCHEMA_VERSION[event.type]) {
      throw new Error(`Erased ${event.type} v${event.schemaVersion} cannot be upcast`);
    }
    return opened;
  }
  if (!validate && event.schemaVersion === EVENT_SCHEMA_VERSION[event.type]) return opened;
  return {
    payload: upcastPayload(event.type, event.schemaVersion, opened.payload),
    erased: false,
  };
}

/**
 * The event as projections read it: its payload opened and upcast to the current version
 * (`validate`: see readStoredPayload).
 */
export function upcastLoggedEvent(
  event: LoggedEvent,
  position: bigint,
  keys: KeyRing = KeyRing.EMPTY,
  validate = true,
): AnyStoredEvent {
  // upcastPayload returns the payload of this very type, the pairing
  // AnyStoredEvent expresses; TypeScript cannot follow that correlation.
  return {
    id: event.id,
    companyId: event.companyId,
    actorId: event.actorId,
    actorTokenId: event.actorTokenId,
    type: event.type,
    entityType: event.entityType as EntityType,
    entityId: event.entityId,
    payload: readStoredPayload(event, keys, validate).payload,
    position,
    createdAt: event.createdAt,
  } as AnyStoredEvent;
}

/**
 * Rebuilds a company's tables in `db` from its event log, in log order: each
 * batch appends the same events (as stored, never rewritten) and applies the
 * same projections as the live write path, in one transaction. Equality with
 * the source is the contract, not one transaction per original transaction.
 * Returns the number of events replayed.
 */
export async function replayCompanyEvents(
  db: Db,
  companyId: string,
  events: readonly LoggedEvent[],
  options: ReplayOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  for (const event of events) {
    if (event.companyId !== companyId) {
      throw new Error(`Event ${event.id} belongs to another company`);
    }
  }
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    await prismaOf(db).$transaction(async (tx) => {
      await bindCompany(tx, companyId);
      const appended = await appendLogRows(tx, companyId, batch);
      const stored = batch.map((event) =>
        upcastLoggedEvent(event, appended.get(event.id)?.position ?? 0n, options.keys),
      );
      await applyEvents(tx, stored);
      // The notifications read model, by the live path's own function (read marks aside).
      await deriveNotifications(tx, stored);
    }, TRANSACTION_OPTIONS);
  }
  // The keys travel with the log, or the replayed events could not be read there.
  if (options.keys) {
    const keys = options.keys;
    await prismaOf(db).$transaction(async (tx) => {
      await bindCompany(tx, companyId);
      await copyKeys(tx, companyId, keys);
    }, TRANSACTION_OPTIONS);
  }
  return events.length;
}
