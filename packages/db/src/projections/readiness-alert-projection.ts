import type { ReadinessAlert } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type ReadinessAlertRow = RowOf<ReadinessAlert>;

// An alert is raised by a RED (or high-pain) check-in; its countermeasures are
// rows of their own (countermeasure-projection.ts), and the alert keeps only
// what the escalation job and the roster ask of it: was anything done, and when.
export const readinessAlertProjection = defineProjection<ReadinessAlertRow>({
  table: 'readiness_alerts',
  companyColumn: 'company_id',
  on: {
    READINESS_ALERT_RAISED: {
      create: ({ payload: p }) => ({
        id: p.id,
        personId: p.personId,
        teamId: p.teamId,
        checkInId: p.checkInId,
        localDate: p.localDate,
        readinessScore: p.readinessScore,
        readinessLevel: p.readinessLevel,
        painLevel: p.painLevel,
        leadId: p.leadId,
        raisedAt: p.raisedAt,
        firstCountermeasureAt: null,
        countermeasureCount: 0,
        escalatedAt: null,
        escalatedToIds: [],
      }),
    },
    COUNTERMEASURE_RECORDED: {
      rowId: (p) => p.alertId,
      evolve: (row, { payload: p }) => ({
        ...row,
        firstCountermeasureAt: row.firstCountermeasureAt ?? p.recordedAt,
        countermeasureCount: row.countermeasureCount + 1,
      }),
    },
    READINESS_ALERT_ESCALATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        escalatedAt: p.escalatedAt,
        escalatedToIds: p.escalatedToIds,
      }),
    },
  },
  erase: {
    cleared: { painLevel: null },
    where: 't.person_id = $1::uuid',
    belongs: (row, personId) => row.personId === personId,
  },
});
