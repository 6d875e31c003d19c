import type { Leave } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type LeaveRow = RowOf<Leave>;

// A cancelled leave keeps its row (and dates): it no longer counts from then on.
export const leaveProjection = defineProjection<LeaveRow>({
  table: 'leaves',
  companyColumn: 'company_id',
  on: {
    LEAVE_RECORDED: {
      create: ({ payload: p }) => ({
        id: p.id,
        personId: p.personId,
        type: p.type,
        startDate: p.startDate,
        endDate: p.endDate,
        note: p.note,
        recordedById: p.recordedById,
        cancelledAt: null,
        cancelledById: null,
      }),
    },
    LEAVE_CANCELLED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        cancelledAt: p.cancelledAt,
        cancelledById: p.cancelledById,
      }),
    },
  },
  erase: {
    cleared: { note: null },
    where: 't.person_id = $1::uuid',
    belongs: (row, personId) => row.personId === personId,
  },
});
