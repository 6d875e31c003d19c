import { keyRingFor, type ReadTx, readStoredPayloads } from '@aegira/db';
import { assertEventType, EVENT_SCHEMA_VERSION, type EventType } from '@aegira/events';
import { type Json, shownDetails, shownPayload } from '../audit/redaction.ts';

/**
 * How an event or audit entry concerns the person:
 * - subject: its entity is the person;
 * - record: its entity is one of the person's records (a check-in, leave, incident…);
 * - named: its stored payload (or details) holds the person's id anywhere, under any key;
 * - actor: the person did it.
 */
export type Relation = 'subject' | 'record' | 'named' | 'actor';

export interface ExportedEvent {
  id: string;
  position: string;
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorTokenId: string | null;
  createdAt: string;
  relations: Relation[];
  /** How much of the payload is shown (see `Shown`). */
  shown: Shown;
  /**
   * Read as every reader reads it: sealed fields opened with the person's key, upcast to the
   * current version (no secret survives an upcast). After an erasure the key is gone and the
   * sensitive fields read '[erased]' (ERASED), never their ciphertext.
   */
  payload: Json | null;
  /** Its sensitive fields were erased (PERSON_ERASED, decision 039). */
  erased: boolean;
}

export interface ExportedAuditEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorTokenId: string | null;
  eventId: string;
  createdAt: string;
  relations: Relation[];
  shown: Shown;
  /** Opened and redacted as an event's payload is (secrets always removed); erased ones null. */
  details: Json | null;
  erased: boolean;
}

interface Flags {
  subject: boolean;
  record: boolean;
  named: boolean;
  actor: boolean;
}

function relationsOf(flags: Flags): Relation[] {
  return (['subject', 'record', 'named', 'actor'] as const).filter((relation) => flags[relation]);
}

/**
 * What of an event the export shows, by how it concerns the person:
 * - all: it is about them or their records;
 * - without-sensitive: it is about someone else and only names them (they recorded,
 *   reviewed or lead): its sensitive fields are that other person's health data, replaced
 *   by the redaction marker;
 * - none: they only did it, to someone else's entity: when and what kind, no payload.
 */
export type Shown = 'all' | 'without-sensitive' | 'none';

function shownOf(relations: readonly Relation[]): Shown {
  if (relations.includes('subject') || relations.includes('record')) return 'all';
  return relations.includes('named') ? 'without-sensitive' : 'none';
}

const sensitiveOf = (shown: 'all' | 'without-sensitive') => (shown === 'all' ? 'show' : 'hide');

function asJson(value: unknown): Json {
  // The payload went through zod and comes back as plain data; JSON round-trip proves it.
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

interface EventRow extends Flags {
  id: string;
  companyId: string;
  actorId: string | null;
  actorTokenId: string | null;
  type: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  schemaVersion: number;
  createdAt: Date;
  position: bigint;
}

/**
 * Every event about the person, in log order. The id is searched for in the stored
 * payload under any key (jsonpath `$.**`), so no list of field names can fall behind
 * the schemas; sealed fields cannot be searched, but the entity of such an event is
 * one of the person's records (incidents by their involved people, for one).
 */
export async function eventsAbout(
  read: ReadTx,
  personId: string,
  recordIds: readonly string[],
): Promise<ExportedEvent[]> {
  const rows = await read.$queryRaw<EventRow[]>`
    SELECT * FROM (
      SELECT e.id, e.company_id AS "companyId", e.actor_id AS "actorId",
        e.actor_token_id AS "actorTokenId", e.type::text AS type, e.entity_type AS "entityType",
        e.entity_id AS "entityId", e.payload, e.schema_version AS "schemaVersion",
        e.created_at AS "createdAt", e.position,
        (e.entity_type = 'person' AND e.entity_id = ${personId}::uuid) AS subject,
        (e.entity_id = ANY(${[...recordIds]}::uuid[])) AS record,
        jsonb_path_exists(e.payload, '$.** ? (@ == $id)', jsonb_build_object('id', ${personId}::text)) AS named,
        (e.actor_id IS NOT DISTINCT FROM ${personId}::uuid) AS actor
      FROM events e
    ) found
    WHERE subject OR record OR named OR actor
    ORDER BY position`;
  // Opened and upcast by the log's own reader (one key query for all), then redacted by the
  // current version's marks.
  const typed = rows.map((row) => {
    const { type } = row;
    assertEventType(type);
    return { ...row, type };
  });
  const opened = await readStoredPayloads(read, typed);
  return opened.map((row) => {
    const relations = relationsOf(row);
    const shown = shownOf(relations);
    const type: EventType = row.type;
    // Erased sensitive fields read as ERASED ('[erased]'), by the audit trail's own reader.
    const payload =
      shown === 'none'
        ? null
        : shownPayload(type, EVENT_SCHEMA_VERSION[type], row, sensitiveOf(shown));
    const erased = shown !== 'none' && row.erased;
    return {
      id: row.id,
      position: row.position.toString(),
      type: row.type,
      entityType: row.entityType,
      entityId: row.entityId,
      actorId: row.actorId,
      actorTokenId: row.actorTokenId,
      createdAt: row.createdAt.toISOString(),
      relations,
      shown,
      payload,
      erased,
    };
  });
}

interface AuditRow extends Flags {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorTokenId: string | null;
  eventId: string;
  eventType: string;
  schemaVersion: number;
  details: Json;
  createdAt: Date;
}

/** The audit trail's entries where the person is actor or subject (or named), oldest first. */
export async function auditEntriesAbout(
  read: ReadTx,
  personId: string,
  recordIds: readonly string[],
): Promise<ExportedAuditEntry[]> {
  const rows = await read.$queryRaw<AuditRow[]>`
    SELECT * FROM (
      SELECT a.id, a.action::text AS action, a.entity_type AS "entityType",
        a.entity_id AS "entityId", a.actor_id AS "actorId", a.actor_token_id AS "actorTokenId",
        a.event_id AS "eventId", e.type::text AS "eventType", e.schema_version AS "schemaVersion",
        a.details, a.created_at AS "createdAt",
        (a.entity_id = ${personId}::uuid) AS subject,
        (a.entity_id = ANY(${[...recordIds]}::uuid[])) AS record,
        jsonb_path_exists(a.details, '$.** ? (@ == $id)', jsonb_build_object('id', ${personId}::text)) AS named,
        (a.actor_id IS NOT DISTINCT FROM ${personId}::uuid) AS actor
      FROM audit_logs a
      JOIN events e ON e.id = a.event_id
    ) found
    WHERE subject OR record OR named OR actor
    ORDER BY "createdAt", id`;
  const keys = await keyRingFor(
    read,
    rows.map((row) => row.details),
  );
  return rows.map((row) => {
    const relations = relationsOf(row);
    const shown = shownOf(relations);
    const { eventType } = row;
    assertEventType(eventType);
    // Audit details are a copy of payload fields; opened as a payload is, should they be sealed.
    const opened = keys.open(row.eventId, row.details);
    const readable = asJson(opened.payload);
    const details =
      shown === 'none'
        ? null
        : opened.erased
          ? readable
          : shownDetails(eventType, row.schemaVersion, readable, sensitiveOf(shown));
    const erased = shown !== 'none' && opened.erased;
    return {
      id: row.id,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actorId: row.actorId,
      actorTokenId: row.actorTokenId,
      eventId: row.eventId,
      createdAt: row.createdAt.toISOString(),
      relations,
      shown,
      details,
      erased,
    };
  });
}
