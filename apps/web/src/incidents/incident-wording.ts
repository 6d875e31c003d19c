import type { RouterOutputs } from '../trpc/types.ts';
import type { BadgeTone } from '../ui/badge.tsx';

export type Incident = RouterOutputs['incidents']['get'];
export type IncidentType = Incident['type'];
export type IncidentSeverity = Incident['severity'];
export type IncidentStatus = Incident['status'];
export type CaseDetail = RouterOutputs['cases']['get'];
export type CaseStatus = CaseDetail['status'];
export type RejectionReason = NonNullable<Incident['rejectionReason']>;

export const INCIDENT_PATH = '/incidents';

export const typeLabels: Record<IncidentType, string> = {
  INJURY: 'Injury',
  ILLNESS: 'Illness',
  NEAR_MISS: 'Near miss',
  HAZARD: 'Hazard',
  PROPERTY_DAMAGE: 'Property damage',
  MENTAL_HEALTH: 'Mental health',
  OTHER: 'Other',
};

export const severityLabels: Record<IncidentSeverity, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const severityTones: Record<IncidentSeverity, BadgeTone> = {
  LOW: 'slate',
  MEDIUM: 'sky',
  HIGH: 'amber',
  CRITICAL: 'red',
};

export const statusLabels: Record<IncidentStatus, string> = {
  PENDING: 'Pending review',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

export const statusTones: Record<IncidentStatus, BadgeTone> = {
  PENDING: 'amber',
  APPROVED: 'green',
  REJECTED: 'slate',
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  OPEN: 'Open',
  INVESTIGATING: 'Investigating',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

export const caseStatusTones: Record<CaseStatus, BadgeTone> = {
  OPEN: 'amber',
  INVESTIGATING: 'sky',
  RESOLVED: 'green',
  CLOSED: 'slate',
};

/** The verb of a move to a state, for its button. */
export const transitionLabels: Record<CaseStatus, string> = {
  OPEN: 'Reopen',
  INVESTIGATING: 'Start investigating',
  RESOLVED: 'Resolve',
  CLOSED: 'Close case',
};

export const rejectionReasonLabels: Record<RejectionReason, string> = {
  DUPLICATE: 'Duplicate of another report',
  NOT_WORK_RELATED: 'Not work related',
  INSUFFICIENT_INFORMATION: 'Not enough information',
  NOT_AN_INCIDENT: 'Not an incident',
  OTHER: 'Other',
};

/** Where the incident pages keep their sub-view: '?id=…', '?case=…', '?report'. */
export function incidentAddress(view: { id?: string; caseId?: string; report?: boolean }): string {
  if (view.id) return `${INCIDENT_PATH}?id=${view.id}`;
  if (view.caseId) return `${INCIDENT_PATH}?case=${view.caseId}`;
  if (view.report) return `${INCIDENT_PATH}?report=1`;
  return INCIDENT_PATH;
}
