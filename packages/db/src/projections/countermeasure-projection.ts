import type { Countermeasure } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type CountermeasureRow = RowOf<Countermeasure>;

// One row per countermeasure; the same event also counts it on its alert
// (readiness-alert-projection.ts). Countermeasures are never edited: a
// correction is another countermeasure.
export const countermeasureProjection = defineProjection<CountermeasureRow>({
  table: 'countermeasures',
  companyColumn: 'company_id',
  on: {
    COUNTERMEASURE_RECORDED: {
      create: ({ payload: p }) => ({
        id: p.id,
        alertId: p.alertId,
        personId: p.personId,
        type: p.type,
        note: p.note,
        recordedById: p.recordedById,
        recordedAt: p.recordedAt,
      }),
    },
  },
  erase: {
    cleared: { note: null },
    where: 't.person_id = $1::uuid',
    belongs: (row, personId) => row.personId === personId,
  },
});
