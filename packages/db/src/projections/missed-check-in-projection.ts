import type { MissedCheckIn } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type MissedCheckInRow = RowOf<MissedCheckIn>;

export const missedCheckInProjection = defineProjection<MissedCheckInRow>({
  table: 'missed_check_ins',
  companyColumn: 'company_id',
  on: {
    MISSED_CHECK_IN_DETECTED: {
      create: ({ payload: p }) => ({
        id: p.id,
        personId: p.personId,
        teamId: p.teamId,
        localDate: p.localDate,
        detectedAt: p.detectedAt,
        resolvedAt: null,
        resolvedByCheckInId: null,
        excusedAt: null,
        excusedById: null,
        excuseReason: null,
        windowStart: p.snapshot?.windowStart ?? null,
        windowEnd: p.snapshot?.windowEnd ?? null,
        leadId: p.snapshot?.leadId ?? null,
        streakBefore: p.snapshot?.streakBefore ?? null,
        missesLast30Days: p.snapshot?.missesLast30Days ?? null,
      }),
    },
    MISSED_CHECK_IN_RESOLVED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        resolvedAt: p.resolvedAt,
        resolvedByCheckInId: p.checkInId,
      }),
    },
    MISSED_CHECK_IN_EXCUSED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        excusedAt: p.excusedAt,
        excusedById: p.excusedById,
        excuseReason: p.reason,
      }),
    },
  },
  erase: {
    cleared: { excuseReason: null },
    where: 't.person_id = $1::uuid',
    belongs: (row, personId) => row.personId === personId,
  },
});
