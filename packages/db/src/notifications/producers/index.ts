import type { EventType } from '@aegira/events';
import type { AnyStoredEvent } from '../../stored-event.ts';
import { alertEscalatedProducer } from './alert-escalated.ts';
import { alertRaisedProducer } from './alert-raised.ts';
import { caseOpenedProducer } from './case-opened.ts';
import { caseReassignedProducer } from './case-reassigned.ts';
import { caseResolvedProducer } from './case-resolved.ts';
import type { NotificationDraft, Producer } from './draft.ts';
import { incidentApprovedProducer } from './incident-approved.ts';
import { incidentRejectedProducer } from './incident-rejected.ts';
import { incidentReportedProducer } from './incident-reported.ts';
import { leaveRecordedProducer } from './leave-recorded.ts';
import { missedCheckInProducer } from './missed-check-in.ts';
import { teamAssignedProducer } from './team-assigned.ts';
import { teamDeactivatedProducer } from './team-deactivated.ts';
import { transferCancelledProducer } from './transfer-cancelled.ts';
import { transferCompletedProducer } from './transfer-completed.ts';
import { transferInitiatedProducer } from './transfer-initiated.ts';

export type { NotificationDraft, Producer, Recipient } from './draft.ts';

/** The event types that cause notifications, and how. Every other type causes none. */
export const NOTIFICATION_PRODUCERS: { readonly [K in EventType]?: Producer<K> } = {
  MISSED_CHECK_IN_DETECTED: missedCheckInProducer,
  TEAM_MEMBER_ASSIGNED: teamAssignedProducer,
  TEAM_TRANSFER_INITIATED: transferInitiatedProducer,
  TEAM_TRANSFER_COMPLETED: transferCompletedProducer,
  TEAM_TRANSFER_CANCELLED: transferCancelledProducer,
  LEAVE_RECORDED: leaveRecordedProducer,
  TEAM_DEACTIVATED: teamDeactivatedProducer,
  READINESS_ALERT_RAISED: alertRaisedProducer,
  READINESS_ALERT_ESCALATED: alertEscalatedProducer,
  INCIDENT_REPORTED: incidentReportedProducer,
  INCIDENT_APPROVED: incidentApprovedProducer,
  INCIDENT_REJECTED: incidentRejectedProducer,
  CASE_OPENED: caseOpenedProducer,
  CASE_REASSIGNED: caseReassignedProducer,
  CASE_STATUS_CHANGED: caseResolvedProducer,
};

/** The notifications one stored event causes (none for most types). */
export function draftsOf(event: AnyStoredEvent): NotificationDraft[] {
  const producer = NOTIFICATION_PRODUCERS[event.type] as Producer<typeof event.type> | undefined;
  // The map pairs each type with its producer; TypeScript cannot follow that correlation.
  return producer ? (producer as (e: AnyStoredEvent) => NotificationDraft[])(event) : [];
}
