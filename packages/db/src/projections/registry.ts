import type { EventType } from '@aegira/events';
import { apiTokenProjection } from './api-token-projection.ts';
import { auditCheckpointProjection } from './audit-checkpoint-projection.ts';
import { caseNoteProjection } from './case-note-projection.ts';
import { caseProjection } from './case-projection.ts';
import { checkInProjection } from './check-in-projection.ts';
import { companyProjection } from './company-projection.ts';
import { countermeasureProjection } from './countermeasure-projection.ts';
import type { TableProjection, TrackedRow } from './define-projection.ts';
import { holidayProjection } from './holiday-projection.ts';
import { incidentProjection } from './incident-projection.ts';
import { leaveProjection } from './leave-projection.ts';
import { missedCheckInProjection } from './missed-check-in-projection.ts';
import { personProjection } from './person-projection.ts';
import { readinessAlertProjection } from './readiness-alert-projection.ts';
import { recordSequenceProjection } from './record-sequence-projection.ts';
import { teamProjection } from './team-projection.ts';
import { teamTransferProjection } from './team-transfer-projection.ts';

/**
 * Every entity table's projection. Each event type is handled by the
 * projections listed here and nowhere else.
 */
export const ENTITY_PROJECTIONS: ReadonlyArray<TableProjection<TrackedRow>> = [
  companyProjection,
  personProjection,
  teamProjection,
  holidayProjection,
  checkInProjection,
  missedCheckInProjection,
  teamTransferProjection,
  apiTokenProjection,
  leaveProjection,
  readinessAlertProjection,
  countermeasureProjection,
  auditCheckpointProjection,
  incidentProjection,
  caseProjection,
  caseNoteProjection,
  recordSequenceProjection,
];

/** Event types some projection applies: the only ones the write path accepts (events = state changes). */
export const PROJECTED_EVENT_TYPES: ReadonlySet<EventType> = new Set(
  ENTITY_PROJECTIONS.flatMap((projection) => Object.keys(projection.on) as EventType[]),
);
