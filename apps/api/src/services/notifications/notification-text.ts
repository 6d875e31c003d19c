import type { NotificationKind } from '@aegira/db';

/** A notification's stored data, as read back (anything JSON). */
export type StoredData = Record<string, unknown>;

/** Names of the people and teams notifications mention, looked up when they are read. */
export interface Names {
  person(id: unknown): string;
  team(id: unknown): string;
}

export interface NotificationText {
  title: string;
  body: string;
  /** A page of the web app that acts on it, if any. */
  link: string | null;
}

const LEAVE_TYPES: Record<string, string> = { ANNUAL: 'Annual', SICK: 'Sick', OTHER: 'Other' };

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function span(data: StoredData): string {
  const start = text(data.startDate);
  const end = text(data.endDate);
  return start === end ? start : `${start} to ${end}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/**
 * What a notification says, from its kind and data, with names as they are now. Pure. Health
 * data never reaches a notification: alerts say the level and score, not the pain.
 */
export function notificationText(
  kind: NotificationKind,
  data: StoredData,
  names: Names,
): NotificationText {
  switch (kind) {
    case 'MISSED_CHECK_IN':
      return {
        title: 'Missed check-in',
        body: `You did not check in on ${text(data.localDate)}. You can still check in late today if your window allows.`,
        link: '/history',
      };
    case 'TEAM_MISSED_CHECK_INS': {
      const people = list(data.personIds).map((id) => names.person(id));
      return {
        title: `${people.length} missed check-in${people.length === 1 ? '' : 's'} in ${names.team(data.teamId)}`,
        body: `Missed on ${text(data.localDate)}: ${joinNames(people)}.`,
        link: '/my-team',
      };
    }
    case 'CHECK_IN_REMINDER':
      return {
        title: 'Check-in reminder',
        body: `You have not checked in today. Your window closes at ${text(data.windowEnd)}.`,
        link: '/check-in',
      };
    case 'TEAM_ASSIGNED':
      return {
        title: `You joined ${names.team(data.teamId)}`,
        body: `You are a member of ${names.team(data.teamId)} from ${text(data.effectiveOn)}.`,
        link: null,
      };
    case 'TEAM_MOVE_SCHEDULED':
      return {
        title: `Moving to ${names.team(data.toTeamId)}`,
        body: `You move from ${names.team(data.fromTeamId)} to ${names.team(data.toTeamId)} on ${text(data.effectiveOn)}.`,
        link: null,
      };
    case 'TEAM_MOVE_COMPLETED':
      return {
        title: `You are now in ${names.team(data.toTeamId)}`,
        body: `Your move from ${names.team(data.fromTeamId)} took effect on ${text(data.effectiveOn)}.`,
        link: null,
      };
    case 'TEAM_MOVE_CANCELLED':
      return {
        title: 'Team move cancelled',
        body: `Your move to ${names.team(data.toTeamId)} was cancelled${data.reason === 'team_deactivated' ? ' because a team was deactivated' : ''}; you stay in ${names.team(data.fromTeamId)}.`,
        link: null,
      };
    case 'LEAVE_RECORDED':
      return {
        title: 'Leave recorded',
        body: `${LEAVE_TYPES[text(data.type)] ?? 'Other'} leave: ${span(data)}. You are not expected to check in on those days.`,
        link: null,
      };
    case 'TEAM_DEACTIVATED':
      return {
        title: `${names.team(data.teamId)} was deactivated`,
        body: `Reason: ${text(data.reason)}. Its members no longer belong to it.`,
        link: null,
      };
    case 'READINESS_ALERT':
      return {
        title: `${names.person(data.personId)} checked in ${text(data.readinessLevel)}`,
        body: `Readiness ${text(data.readinessScore)} on ${text(data.localDate)}. Record a countermeasure on the roster.`,
        link: '/my-team',
      };
    case 'READINESS_ALERT_ESCALATED':
      return {
        title: `Alert escalated: ${names.person(data.personId)}`,
        body: `A readiness alert in ${names.team(data.teamId)} has had no countermeasure for 60 minutes.`,
        link: null,
      };
    // Incidents: the reference only; titles, descriptions and summaries are sensitive.
    case 'INCIDENT_REPORTED':
      return {
        title: `New incident ${text(data.reference)}`,
        body: `A ${text(data.severity).toLowerCase()} severity ${text(data.type).toLowerCase().replaceAll('_', ' ')} incident was reported and waits for review.`,
        link: `/incidents?id=${text(data.incidentId)}`,
      };
    case 'INCIDENT_APPROVED':
      return {
        title: `Incident ${text(data.reference)} was approved`,
        body: 'A WHS officer approved your report and opened a case.',
        link: `/incidents?id=${text(data.incidentId)}`,
      };
    case 'INCIDENT_REJECTED':
      return {
        title: `Incident ${text(data.reference)} was rejected`,
        body: `Reason: ${text(data.reason).toLowerCase().replaceAll('_', ' ')}. The explanation is on your report.`,
        link: `/incidents?id=${text(data.incidentId)}`,
      };
    case 'CASE_ASSIGNED':
      return {
        title: `Case ${text(data.reference)} assigned to you`,
        body: 'You are the officer in charge of this case.',
        link: `/incidents?case=${text(data.caseId)}`,
      };
    case 'CASE_RESOLVED':
      return {
        title: `Incident ${text(data.reference)} was resolved`,
        body: 'The case opened for your report was resolved.',
        link: '/incidents',
      };
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown notification kind ${String(unknown)}`);
    }
  }
}
