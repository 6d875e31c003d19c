import type { TeamTransfer } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type TeamTransferRow = RowOf<TeamTransfer>;

// A transfer row per TEAM_TRANSFER_INITIATED; completion and cancellation
// resolve it (the person's own row moves in person-projection).
export const teamTransferProjection = defineProjection<TeamTransferRow>({
  table: 'team_transfers',
  companyColumn: 'company_id',
  on: {
    TEAM_TRANSFER_INITIATED: {
      create: ({ payload: p }) => ({
        id: p.transferId,
        personId: p.personId,
        fromTeamId: p.fromTeamId,
        toTeamId: p.toTeamId,
        effectiveOn: p.effectiveOn,
        status: 'PENDING',
        resolvedAt: null,
        cancelReason: null,
      }),
    },
    TEAM_TRANSFER_COMPLETED: {
      rowId: (p) => p.transferId,
      evolve: (row, { payload: p }) => ({ ...row, status: 'COMPLETED', resolvedAt: p.completedAt }),
    },
    TEAM_TRANSFER_CANCELLED: {
      rowId: (p) => p.transferId,
      evolve: (row, { payload: p }) => ({
        ...row,
        status: 'CANCELLED',
        resolvedAt: p.cancelledAt,
        cancelReason: p.reason,
      }),
    },
  },
});
