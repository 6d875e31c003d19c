import type { Incident } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type IncidentRow = RowOf<Incident>;

// A report, then at most one review: approval (which opens a case, case-projection.ts)
// or rejection. The reviewed row keeps everything it was reported with.
export const incidentProjection = defineProjection<IncidentRow>({
  table: 'incidents',
  companyColumn: 'company_id',
  on: {
    INCIDENT_REPORTED: {
      create: ({ payload: p }) => ({
        id: p.id,
        number: p.number,
        year: p.year,
        reporterId: p.reporterId,
        teamId: p.teamId,
        type: p.type,
        severity: p.severity,
        title: p.title,
        location: p.location,
        description: p.description,
        occurredAt: p.occurredAt,
        reportedAt: p.reportedAt,
        peopleInvolvedIds: p.peopleInvolvedIds,
        status: 'PENDING',
        reviewedById: null,
        reviewedAt: null,
        rejectionReason: null,
        rejectionExplanation: null,
        caseId: null,
      }),
    },
    INCIDENT_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({ ...row, ...p.changes }),
    },
    INCIDENT_APPROVED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        status: 'APPROVED',
        reviewedById: p.reviewedById,
        reviewedAt: p.reviewedAt,
        caseId: p.caseId,
      }),
    },
    INCIDENT_REJECTED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        status: 'REJECTED',
        reviewedById: p.reviewedById,
        reviewedAt: p.reviewedAt,
        rejectionReason: p.reason,
        rejectionExplanation: p.explanation,
      }),
    },
  },
  // An incident is about its reporter (docs/decisions/039).
  erase: {
    cleared: {
      title: null,
      location: null,
      description: null,
      peopleInvolvedIds: [],
      rejectionExplanation: null,
    },
    where: 't.reporter_id = $1::uuid',
    belongs: (row, personId) => row.reporterId === personId,
  },
});
