import { type EntityType, EVENT_TYPES, type EventType } from './event-types.ts';
import type { EventPayload } from './events.ts';

type EntityDefinition<K extends EventType> = {
  type: EntityType;
  /** Reads the entity's id from a payload in the current version. */
  id: (payload: EventPayload<K>) => string;
};

/**
 * The entity each event type belongs to, and where its id is in the payload;
 * stored on the event row for per-entity history. One definition per type, so
 * the entity type and the id cannot disagree.
 */
export const EVENT_ENTITIES: { readonly [K in EventType]: EntityDefinition<K> } = {
  COMPANY_CREATED: { type: 'company', id: (p) => p.id },
  COMPANY_UPDATED: { type: 'company', id: (p) => p.id },
  PERSON_CREATED: { type: 'person', id: (p) => p.id },
  PERSON_UPDATED: { type: 'person', id: (p) => p.id },
  PERSON_ROLE_CHANGED: { type: 'person', id: (p) => p.id },
  PERSON_PASSWORD_CHANGED: { type: 'person', id: (p) => p.id },
  PERSON_SESSIONS_REVOKED: { type: 'person', id: (p) => p.id },
  PERSON_DEACTIVATED: { type: 'person', id: (p) => p.id },
  PERSON_REACTIVATED: { type: 'person', id: (p) => p.id },
  PERSON_ERASED: { type: 'person', id: (p) => p.id },
  TEAM_CREATED: { type: 'team', id: (p) => p.id },
  TEAM_UPDATED: { type: 'team', id: (p) => p.id },
  TEAM_DEACTIVATED: { type: 'team', id: (p) => p.id },
  TEAM_REACTIVATED: { type: 'team', id: (p) => p.id },
  // Membership and transfers change the person's team, so they are the person's
  // history (docs/decisions/005-team-transfers.md).
  TEAM_MEMBER_ASSIGNED: { type: 'person', id: (p) => p.personId },
  TEAM_MEMBER_UNASSIGNED: { type: 'person', id: (p) => p.personId },
  TEAM_TRANSFER_INITIATED: { type: 'person', id: (p) => p.personId },
  TEAM_TRANSFER_COMPLETED: { type: 'person', id: (p) => p.personId },
  TEAM_TRANSFER_CANCELLED: { type: 'person', id: (p) => p.personId },
  CHECK_IN_SUBMITTED: { type: 'check_in', id: (p) => p.id },
  CHECK_IN_UPDATED: { type: 'check_in', id: (p) => p.id },
  MISSED_CHECK_IN_DETECTED: { type: 'missed_check_in', id: (p) => p.id },
  MISSED_CHECK_IN_RESOLVED: { type: 'missed_check_in', id: (p) => p.id },
  MISSED_CHECK_IN_EXCUSED: { type: 'missed_check_in', id: (p) => p.id },
  HOLIDAY_CREATED: { type: 'holiday', id: (p) => p.id },
  HOLIDAY_UPDATED: { type: 'holiday', id: (p) => p.id },
  HOLIDAY_DEACTIVATED: { type: 'holiday', id: (p) => p.id },
  INCIDENT_REPORTED: { type: 'incident', id: (p) => p.id },
  INCIDENT_UPDATED: { type: 'incident', id: (p) => p.id },
  CASE_OPENED: { type: 'case', id: (p) => p.id },
  CASE_STATUS_CHANGED: { type: 'case', id: (p) => p.id },
  CASE_NOTE_ADDED: { type: 'case', id: (p) => p.id },
  API_TOKEN_CREATED: { type: 'api_token', id: (p) => p.id },
  API_TOKEN_REVOKED: { type: 'api_token', id: (p) => p.id },
  LEAVE_RECORDED: { type: 'leave', id: (p) => p.id },
  LEAVE_CANCELLED: { type: 'leave', id: (p) => p.id },
  PERSON_PASSWORD_RESET: { type: 'person', id: (p) => p.id },
  READINESS_ALERT_RAISED: { type: 'readiness_alert', id: (p) => p.id },
  // A countermeasure is part of its alert's history.
  COUNTERMEASURE_RECORDED: { type: 'readiness_alert', id: (p) => p.alertId },
  READINESS_ALERT_ESCALATED: { type: 'readiness_alert', id: (p) => p.id },
  AUDIT_CHECKPOINT_SIGNED: { type: 'audit_checkpoint', id: (p) => p.id },
  INCIDENT_APPROVED: { type: 'incident', id: (p) => p.id },
  INCIDENT_REJECTED: { type: 'incident', id: (p) => p.id },
  CASE_REASSIGNED: { type: 'case', id: (p) => p.id },
};

/** The entity an event belongs to, read from its (current-version) payload. */
export function entityOf<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
): { entityType: EntityType; entityId: string } {
  const entity = EVENT_ENTITIES[type];
  return { entityType: entity.type, entityId: entity.id(payload) };
}

export function entityTypeOf(type: EventType): EntityType {
  return EVENT_ENTITIES[type].type;
}

/** The entity type alone, for callers written before EVENT_ENTITIES. */
export const EVENT_ENTITY = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, EVENT_ENTITIES[type].type]),
) as { readonly [K in EventType]: EntityType };
