/**
 * Every kind of state change AEGIRA records. The database has the same list as
 * an enum (a test keeps both equal), so an unknown type cannot be stored.
 */
export const EVENT_TYPES = [
  'COMPANY_CREATED',
  'COMPANY_UPDATED',
  'PERSON_CREATED',
  'PERSON_UPDATED',
  'PERSON_ROLE_CHANGED',
  'PERSON_PASSWORD_CHANGED',
  'PERSON_SESSIONS_REVOKED',
  'PERSON_DEACTIVATED',
  'PERSON_REACTIVATED',
  'TEAM_CREATED',
  'TEAM_UPDATED',
  'TEAM_DEACTIVATED',
  'TEAM_REACTIVATED',
  'TEAM_MEMBER_ASSIGNED',
  'TEAM_MEMBER_UNASSIGNED',
  'TEAM_TRANSFER_INITIATED',
  'TEAM_TRANSFER_COMPLETED',
  'TEAM_TRANSFER_CANCELLED',
  'CHECK_IN_SUBMITTED',
  'CHECK_IN_UPDATED',
  'MISSED_CHECK_IN_DETECTED',
  'MISSED_CHECK_IN_RESOLVED',
  'MISSED_CHECK_IN_EXCUSED',
  'HOLIDAY_CREATED',
  'HOLIDAY_UPDATED',
  'HOLIDAY_DEACTIVATED',
  'INCIDENT_REPORTED',
  'INCIDENT_UPDATED',
  'CASE_OPENED',
  'CASE_STATUS_CHANGED',
  'CASE_NOTE_ADDED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'LEAVE_RECORDED',
  'LEAVE_CANCELLED',
  'PERSON_PASSWORD_RESET',
  'READINESS_ALERT_RAISED',
  'COUNTERMEASURE_RECORDED',
  'READINESS_ALERT_ESCALATED',
  'AUDIT_CHECKPOINT_SIGNED',
  'INCIDENT_APPROVED',
  'INCIDENT_REJECTED',
  'CASE_REASSIGNED',
  'PERSON_ERASED',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Named constants, so call sites read `EventType.PERSON_CREATED`. */
export const EventType = Object.fromEntries(EVENT_TYPES.map((type) => [type, type])) as {
  readonly [K in EventType]: K;
};

export const ENTITY_TYPES = [
  'company',
  'person',
  'team',
  'check_in',
  'missed_check_in',
  'holiday',
  'incident',
  'case',
  'api_token',
  'leave',
  'readiness_alert',
  'audit_checkpoint',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
