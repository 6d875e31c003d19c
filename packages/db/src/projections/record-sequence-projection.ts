import type { RecordSequence } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type RecordSequenceRow = RowOf<RecordSequence>;

// The company's last incident and case numbers, as state: decide reads them (under a
// per-company advisory lock) to number the next report or case, and replay rebuilds
// them from the same events. One row per company, its id the company's, created by
// the company's first incident.
export const recordSequenceProjection = defineProjection<RecordSequenceRow>({
  table: 'record_sequences',
  companyColumn: 'company_id',
  on: {
    INCIDENT_REPORTED: {
      upsertId: (event) => event.companyId,
      upsert: (row, { companyId, payload: p }) => ({
        id: companyId,
        lastIncidentNumber: p.number,
        lastCaseNumber: row?.lastCaseNumber ?? 0,
      }),
    },
    CASE_OPENED: {
      upsertId: (event) => event.companyId,
      upsert: (row, { companyId, payload: p }) => ({
        id: companyId,
        lastIncidentNumber: row?.lastIncidentNumber ?? 0,
        lastCaseNumber: p.number,
      }),
    },
  },
});
