import type { AuditAction, EntityType, EventType } from './timeline-types.ts';

// The lists below are keyed by string, not by the API's unions: a type added on the
// server (by another feature) still shows, in words made from its name, until named here.

/** What each event says happened, in words. */
const eventLabelText: Readonly<Record<string, string>> = {
  COMPANY_CREATED: 'Company created',
  COMPANY_UPDATED: 'Company settings changed',
  PERSON_CREATED: 'Person added',
  PERSON_UPDATED: 'Details changed',
  PERSON_ROLE_CHANGED: 'Role changed',
  PERSON_PASSWORD_CHANGED: 'Password changed',
  PERSON_SESSIONS_REVOKED: 'Signed out everywhere',
  PERSON_DEACTIVATED: 'Deactivated',
  PERSON_REACTIVATED: 'Reactivated',
  TEAM_CREATED: 'Team created',
  TEAM_UPDATED: 'Team changed',
  TEAM_DEACTIVATED: 'Team deactivated',
  TEAM_REACTIVATED: 'Team reactivated',
  TEAM_MEMBER_ASSIGNED: 'Joined a team',
  TEAM_MEMBER_UNASSIGNED: 'Left a team',
  TEAM_TRANSFER_INITIATED: 'Team move scheduled',
  TEAM_TRANSFER_COMPLETED: 'Team move completed',
  TEAM_TRANSFER_CANCELLED: 'Team move cancelled',
  CHECK_IN_SUBMITTED: 'Checked in',
  CHECK_IN_UPDATED: 'Check-in amended',
  MISSED_CHECK_IN_DETECTED: 'Missed check-in recorded',
  MISSED_CHECK_IN_RESOLVED: 'Missed check-in resolved',
  HOLIDAY_CREATED: 'Holiday added',
  HOLIDAY_UPDATED: 'Holiday changed',
  HOLIDAY_DEACTIVATED: 'Holiday deactivated',
  INCIDENT_REPORTED: 'Incident reported',
  INCIDENT_UPDATED: 'Incident changed',
  CASE_OPENED: 'Case opened',
  CASE_STATUS_CHANGED: 'Case status changed',
  CASE_NOTE_ADDED: 'Case note added',
  INCIDENT_APPROVED: 'Incident approved',
  INCIDENT_REJECTED: 'Incident rejected',
  CASE_REASSIGNED: 'Case reassigned',
  API_TOKEN_CREATED: 'API token issued',
  API_TOKEN_REVOKED: 'API token revoked',
  PERSON_PASSWORD_RESET: 'Password reset by an admin',
  READINESS_ALERT_RAISED: 'Readiness alert raised',
  COUNTERMEASURE_RECORDED: 'Countermeasure recorded',
  READINESS_ALERT_ESCALATED: 'Alert escalated',
};

/** The audit log's actions, as its filter and table name them. */
const auditActionText: Readonly<Record<string, string>> = {
  COMPANY_CREATED: 'Company created',
  COMPANY_SETTINGS_UPDATED: 'Company settings changed',
  PERSON_CREATED: 'Person added',
  PERSON_UPDATED: 'Person changed',
  PERSON_ROLE_CHANGED: 'Role changed',
  PERSON_DEACTIVATED: 'Person deactivated',
  PERSON_REACTIVATED: 'Person reactivated',
  TEAM_CREATED: 'Team created',
  TEAM_UPDATED: 'Team changed',
  TEAM_DEACTIVATED: 'Team deactivated',
  TEAM_REACTIVATED: 'Team reactivated',
  TEAM_MEMBER_ASSIGNED: 'Member assigned',
  TEAM_TRANSFER_INITIATED: 'Team move scheduled',
  TEAM_TRANSFER_CANCELLED: 'Team move cancelled',
  HOLIDAY_CREATED: 'Holiday added',
  HOLIDAY_UPDATED: 'Holiday changed',
  HOLIDAY_DEACTIVATED: 'Holiday deactivated',
  API_TOKEN_CREATED: 'API token issued',
  API_TOKEN_REVOKED: 'API token revoked',
  PERSON_PASSWORD_RESET: 'Password reset',
};

const entityTypeText: Readonly<Record<string, string>> = {
  company: 'Company',
  person: 'Person',
  team: 'Team',
  check_in: 'Check-in',
  missed_check_in: 'Missed check-in',
  holiday: 'Holiday',
  incident: 'Incident',
  case: 'Case',
  api_token: 'API token',
  readiness_alert: 'Readiness alert',
};

/** 'TEAM_TRANSFER_INITIATED' → 'Team transfer initiated', for a name no list has yet. */
export function sentenceFromCode(code: string): string {
  const words = code.replaceAll('_', ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function eventLabel(type: EventType): string {
  return eventLabelText[type] ?? sentenceFromCode(type);
}

export function auditActionLabel(action: AuditAction): string {
  return auditActionText[action] ?? sentenceFromCode(action);
}

export function entityTypeLabel(type: string): string {
  return entityTypeText[type] ?? sentenceFromCode(type);
}

/** The actions the audit filter offers, each one the server knows. */
export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionText, value);
}

/** Entities whose history the timeline shows. */
export function isEntityType(value: string): value is EntityType {
  return Object.hasOwn(entityTypeText, value);
}

export const auditActionOptions: readonly AuditAction[] =
  Object.keys(auditActionText).filter(isAuditAction);

/** The entity types the audit log records (admin actions only). */
export const auditEntityTypes: readonly EntityType[] = [
  'person',
  'team',
  'holiday',
  'company',
  'api_token',
];
