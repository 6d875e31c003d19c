export { type ApiTokenRow, apiTokenProjection } from './api-token-projection.ts';
export { applyEvents } from './apply-events.ts';
export {
  type AuditCheckpointRow,
  auditCheckpointProjection,
} from './audit-checkpoint-projection.ts';
export { type CaseNoteRow, caseNoteProjection } from './case-note-projection.ts';
export { type CaseRow, caseProjection } from './case-projection.ts';
export { type CheckInRow, checkInProjection } from './check-in-projection.ts';
export { type CompanyRow, companyProjection } from './company-projection.ts';
export { type CountermeasureRow, countermeasureProjection } from './countermeasure-projection.ts';
export type { TableProjection } from './define-projection.ts';
export { evolve, foldRow, ProjectionError } from './evolve.ts';
export { type HolidayRow, holidayProjection } from './holiday-projection.ts';
export { type IncidentRow, incidentProjection } from './incident-projection.ts';
export { type LeaveRow, leaveProjection } from './leave-projection.ts';
export { type MissedCheckInRow, missedCheckInProjection } from './missed-check-in-projection.ts';
export { type PersonRow, personProjection } from './person-projection.ts';
export { type ReadinessAlertRow, readinessAlertProjection } from './readiness-alert-projection.ts';
export {
  type RecordSequenceRow,
  recordSequenceProjection,
} from './record-sequence-projection.ts';
export { ENTITY_PROJECTIONS, PROJECTED_EVENT_TYPES } from './registry.ts';
export { dateColumn, localDateOf, type RowOf } from './row-state.ts';
export { type TeamRow, teamProjection } from './team-projection.ts';
export { type TeamTransferRow, teamTransferProjection } from './team-transfer-projection.ts';
