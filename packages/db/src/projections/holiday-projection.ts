import type { Holiday } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type HolidayRow = RowOf<Holiday>;

export const holidayProjection = defineProjection<HolidayRow>({
  table: 'holidays',
  companyColumn: 'company_id',
  on: {
    HOLIDAY_CREATED: {
      create: ({ payload: h }) => ({
        id: h.id,
        date: h.date,
        name: h.name,
        recurring: h.recurring,
        isActive: true,
      }),
    },
    HOLIDAY_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, ...payload.changes }),
    },
    HOLIDAY_DEACTIVATED: {
      rowId: (p) => p.id,
      evolve: (row) => ({ ...row, isActive: false }),
    },
  },
});
