import type { Team } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import { deactivatedFields, REACTIVATED_FIELDS } from './lifecycle-fields.ts';
import type { RowOf } from './row-state.ts';

export type TeamRow = RowOf<Team>;

export const teamProjection = defineProjection<TeamRow>({
  table: 'teams',
  companyColumn: 'company_id',
  versions: 'team_versions',
  on: {
    TEAM_CREATED: {
      create: ({ payload: t }) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        leaderId: t.leaderId,
        supervisorId: t.supervisorId,
        windowStart: t.windowStart,
        windowEnd: t.windowEnd,
        workDays: t.workDays,
        isActive: true,
        deactivatedAt: null,
        deactivatedById: null,
        deactivationReason: null,
      }),
    },
    // Only the changed fields are in the payload; the others keep their values.
    TEAM_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, ...payload.changes }),
    },
    TEAM_DEACTIVATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, ...deactivatedFields(payload) }),
    },
    TEAM_REACTIVATED: {
      rowId: (p) => p.id,
      evolve: (row) => ({ ...row, ...REACTIVATED_FIELDS }),
    },
  },
});
