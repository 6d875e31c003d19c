import type { Case } from '../generated/prisma/client.ts';
import { defineProjection, type TrackedRow } from './define-projection.ts';
import type { IncidentRow } from './incident-projection.ts';
import type { RowOf } from './row-state.ts';

export type CaseRow = RowOf<Case>;

// The case an approval opened. Its transitions are checked in decide
// (packages/domain case-workflow.ts); here each only records where it went.
export const caseProjection = defineProjection<CaseRow>({
  table: 'cases',
  companyColumn: 'company_id',
  on: {
    CASE_OPENED: {
      create: ({ payload: p }) => ({
        id: p.id,
        number: p.number,
        year: p.year,
        incidentId: p.incidentId,
        status: 'OPEN',
        assigneeId: p.assigneeId,
        openedById: p.openedById,
        openedAt: p.openedAt,
        resolutionSummary: null,
        resolvedAt: null,
        closedAt: null,
      }),
    },
    CASE_STATUS_CHANGED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        status: p.to,
        // A reopened case keeps its last summary until it is resolved again.
        resolutionSummary: p.resolutionSummary ?? row.resolutionSummary,
        resolvedAt: p.to === 'RESOLVED' ? p.changedAt : row.resolvedAt,
        closedAt: p.to === 'CLOSED' ? p.changedAt : null,
      }),
    },
    CASE_REASSIGNED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({ ...row, assigneeId: p.toId }),
    },
  },
  // A case is about its incident's reporter.
  erase: {
    cleared: { resolutionSummary: null },
    where: 't.incident_id IN (SELECT i.id FROM incidents i WHERE i.reporter_id = $1::uuid)',
    belongs: (row, personId, rowsOf) => reportedBy(rowsOf, row.incidentId, personId),
  },
});

/** Whether an incident (folded in memory) was reported by this person: erasure reaches its case. */
export function reportedBy(
  rowsOf: (table: string) => Iterable<TrackedRow>,
  incidentId: string,
  personId: string,
): boolean {
  for (const row of rowsOf('incidents')) {
    if (row.id === incidentId) return (row as IncidentRow).reporterId === personId;
  }
  return false;
}
