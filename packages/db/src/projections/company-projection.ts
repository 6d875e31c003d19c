import type { Company } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type CompanyRow = RowOf<Company>;

export const companyProjection = defineProjection<CompanyRow>({
  table: 'companies',
  companyColumn: 'id',
  on: {
    COMPANY_CREATED: {
      create: ({ payload: c }) => ({
        id: c.id,
        name: c.name,
        slug: c.slug,
        timezone: c.timezone,
        isActive: true,
      }),
    },
    COMPANY_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, ...payload.changes }),
    },
  },
});
