/**
 * The kinds of in-app notification and what each one's `data` holds (ids, dates, counts; the
 * API renders names and text when it reads them, so a renamed team reads right everywhere).
 * Stable: the API, the web app and tests read these names.
 */
export const NOTIFICATION_KINDS = [
  /** To the worker: their check-in of a day was missed. */
  'MISSED_CHECK_IN',
  /** To the lead, one per (team, local date), growing with each miss: data.personIds. */
  'TEAM_MISSED_CHECK_INS',
  /** To a worker who has not checked in 30 minutes before their window closes. */
  'CHECK_IN_REMINDER',
  'TEAM_ASSIGNED',
  'TEAM_MOVE_SCHEDULED',
  'TEAM_MOVE_COMPLETED',
  'TEAM_MOVE_CANCELLED',
  'LEAVE_RECORDED',
  /** To the former members and the lead of a deactivated team. */
  'TEAM_DEACTIVATED',
  /** To the lead: a RED check-in (or pain 7 or more) of a member. */
  'READINESS_ALERT',
  /** To the supervisor (or every WHS officer): an alert had no countermeasure for 60 minutes. */
  'READINESS_ALERT_ESCALATED',
  /** To every active WHS officer: a new incident report (its reference, type and severity only). */
  'INCIDENT_REPORTED',
  /** To the reporter: their report was approved (a case opened) or rejected. */
  'INCIDENT_APPROVED',
  'INCIDENT_REJECTED',
  /** To a WHS officer a case was assigned to by someone else. */
  'CASE_ASSIGNED',
  /** To the reporter: the case of their incident was resolved. */
  'CASE_RESOLVED',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A JSON value a notification's data may hold. */
export type NotificationValue = string | number | boolean | null | string[];

export type NotificationData = Record<string, NotificationValue>;

/** The group key of a notification caused by one event: one notification per event and recipient. */
export function eventGroupKey(eventId: string): string {
  return `event:${eventId}`;
}

/** The lead's one notification for a team's misses of a local date. */
export function teamMissesGroupKey(teamId: string, localDate: string): string {
  return `team-misses:${teamId}:${localDate}`;
}

/** A worker's one reminder of a local date (exactly once, however many instances send it). */
export function reminderGroupKey(localDate: string): string {
  return `reminder:${localDate}`;
}
