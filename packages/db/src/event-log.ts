import {
  EVENT_SCHEMA_VERSION,
  type EventPayload,
  type EventType,
  entityOf,
  parseEventPayload,
  SEALED_FIELD,
  sealPayload,
  sealSubjectOf,
} from '@aegira/events';
import type { ActorCredential } from './credential-check.ts';
import type { IdempotencyClaim } from './idempotency.ts';
import { assertPayloadWithinCap } from './payload-size.ts';
import { PROJECTED_EVENT_TYPES } from './projections/registry.ts';
import { sealingKeys } from './sealing/person-keys.ts';
import { sealText } from './sealing/seal-cipher.ts';
import type { AnyStoredEvent, StoredEvent } from './stored-event.ts';
import type { CommandTx } from './transaction-connections.ts';
import { sql, sqlOf } from './transaction-connections.ts';

/** Who a change is recorded against. */
export interface CommandActor {
  companyId: string;
  /** The person acting; null for the system (scheduled jobs). */
  actorId: string | null;
  /** The API token the person acted through, if any. */
  tokenId?: string | null;
  /** The request's credential, re-checked with a row lock inside the transaction (credential-check.ts). */
  credential?: ActorCredential;
  /** The request's Idempotency-Key, claimed by the first of its commands that commits (idempotency.ts). */
  idempotency?: IdempotencyClaim;
}

/** An event a command decided on, before it is stored. Its entity comes from its payload. */
export interface NewEvent<T extends EventType> {
  type: T;
  payload: EventPayload<T>;
  /**
   * The person whose key seals the event's sensitive fields, when its payload does not name
   * them (seal-subject.ts in @aegira/events; docs/decisions/039).
   */
  subjectId?: string;
}
export type AnyNewEvent = { [K in EventType]: NewEvent<K> }[EventType];

/**
 * What a seed (or a test) may set per event instead of the defaults: when it happened (an
 * injected clock; by default the database's) and who did it (by default the command's actor),
 * so one command can carry many people's dated events. Never built from a request.
 */
export interface SeededFields {
  createdAt?: (event: AnyNewEvent, index: number) => Date | null;
  actorId?: (event: AnyNewEvent, index: number) => string | null;
}

/** A row to append to the log as it is, e.g. from another database's log (replay). */
export interface LogRow {
  id: string;
  actorId: string | null;
  actorTokenId: string | null;
  type: EventType;
  entityType: string;
  entityId: string;
  payload: unknown;
  schemaVersion: number;
  createdAt: Date | null;
}

interface Appended {
  id: string;
  position: string;
  created_at: Date;
}

/**
 * Appends rows to the log in one statement, in the given order (positions
 * follow it), and returns each row's position and time. Entity rows written
 * later in this transaction may name these events (the database checks that).
 */
export async function appendLogRows(
  tx: CommandTx,
  companyId: string,
  rows: readonly LogRow[],
): Promise<Map<string, { position: bigint; createdAt: Date }>> {
  const documents = rows.map((row) => ({
    id: row.id,
    company_id: companyId,
    actor_id: row.actorId,
    actor_token_id: row.actorTokenId,
    type: row.type,
    entity_type: row.entityType,
    entity_id: row.entityId,
    payload: row.payload,
    schema_version: row.schemaVersion,
    created_at: row.createdAt?.toISOString() ?? null,
  }));
  const appended = await sqlOf(tx).rows<Appended>(
    sql(
      `INSERT INTO events (id, company_id, actor_id, actor_token_id, type, entity_type, entity_id,
                         payload, schema_version, created_at)
     SELECT (r).id, (r).company_id, (r).actor_id, (r).actor_token_id, (r).type, (r).entity_type,
            (r).entity_id, (r).payload, (r).schema_version, COALESCE((r).created_at, now())
     FROM (SELECT jsonb_populate_record(NULL::events, doc) AS r, ord
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(doc, ord)
           ORDER BY ord) AS ordered
     RETURNING id, position::text AS position, created_at`,
      JSON.stringify(documents),
    ),
  );
  return new Map(
    appended.map((row) => [row.id, { position: BigInt(row.position), createdAt: row.created_at }]),
  );
}

/** What sealing an event's sensitive values takes: the payload without them, them, and whose key. */
interface Sealing {
  stripped: Record<string, unknown>;
  plaintext: string;
  subjectId: string;
}

/**
 * The sealing an event needs, or null when it holds no sensitive value. A sensitive value
 * with no subject to seal it for is a bug in the command, refused before anything is stored.
 */
export function sealingOf(event: AnyNewEvent, payload: unknown): Sealing | null {
  const taken = { plaintext: '' };
  const result = sealPayload(event.type, EVENT_SCHEMA_VERSION[event.type], payload, (text) => {
    taken.plaintext = text;
    return '';
  });
  if (!result.sealed) return null;
  const subjectId =
    event.subjectId ?? sealSubjectOf(event.type, payload as EventPayload<typeof event.type>);
  if (!subjectId) {
    throw new Error(
      `${event.type} holds sensitive fields but names no person to seal them for (NewEvent.subjectId)`,
    );
  }
  return {
    stripped: result.payload as Record<string, unknown>,
    plaintext: taken.plaintext,
    subjectId,
  };
}

/**
 * The payload as the log stores it: its sensitive values sealed with the subject's key. A
 * missing key throws; a sensitive value is never stored in clear.
 */
export function storedPayloadOf(
  payload: unknown,
  sealing: Sealing | null,
  keys: ReadonlyMap<string, Buffer>,
  eventId: string,
): unknown {
  if (!sealing) return payload;
  const key = keys.get(sealing.subjectId);
  if (!key) throw new Error(`No sealing key for person ${sealing.subjectId}`);
  return {
    ...sealing.stripped,
    [SEALED_FIELD]: sealText(key, sealing.subjectId, eventId, sealing.plaintext),
  };
}

/**
 * Validates each new event against its type's current schema (an invalid,
 * unknown or unprojected one throws before anything is written), appends them in order, and
 * returns them as stored.
 */
export async function appendEvents(
  tx: CommandTx,
  actor: CommandActor,
  events: readonly AnyNewEvent[],
  newId: () => string,
  seeded: SeededFields = {},
): Promise<AnyStoredEvent[]> {
  const prepared = events.map((event, index) => {
    if (!PROJECTED_EVENT_TYPES.has(event.type)) {
      // Every event changes state; a type no projection applies would be a log
      // entry nothing can rebuild.
      throw new Error(`No projection applies ${event.type}; it cannot be stored yet`);
    }
    const payload = parseEventPayload(event.type, event.payload);
    const { entityType, entityId } = entityOf(event.type, payload);
    const sealing = sealingOf(event, payload);
    return {
      id: newId(),
      type: event.type,
      entityType,
      entityId,
      payload,
      sealing,
      createdAt: seeded.createdAt?.(event, index) ?? null,
      actorId: seeded.actorId ? seeded.actorId(event, index) : actor.actorId,
    };
  });
  const keys = await sealingKeys(tx, actor.companyId, [
    ...new Set(prepared.flatMap(({ sealing }) => (sealing ? [sealing.subjectId] : []))),
  ]);
  const appended = await appendLogRows(
    tx,
    actor.companyId,
    prepared.map(({ sealing, ...event }) => {
      const payload = storedPayloadOf(event.payload, sealing, keys, event.id);
      // Refused here, before the insert, with a message naming the cap (the CHECK is the backstop).
      assertPayloadWithinCap(event.type, payload);
      return {
        ...event,
        payload,
        actorTokenId: actor.tokenId ?? null,
        schemaVersion: EVENT_SCHEMA_VERSION[event.type],
      };
    }),
  );
  return prepared.map(({ sealing: _sealing, ...event }) => {
    const stored = appended.get(event.id);
    if (!stored) throw new Error(`Event ${event.id} was not appended`);
    // parseEventPayload checked the payload against this very type, the pairing
    // AnyStoredEvent expresses; TypeScript cannot follow that correlation.
    return {
      ...event,
      companyId: actor.companyId,
      actorTokenId: actor.tokenId ?? null,
      position: stored.position,
      createdAt: stored.createdAt,
    } as AnyStoredEvent;
  });
}

export type { StoredEvent };
