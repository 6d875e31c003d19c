import { caseAssignedDrafts } from './case-assigned.ts';
import type { Producer } from './draft.ts';

/** The officer a new case was assigned to, unless they opened it. */
export const caseOpenedProducer: Producer<'CASE_OPENED'> = (event) => {
  const { id, number, year, assigneeId, openedById } = event.payload;
  return caseAssignedDrafts(event.id, id, `CASE-${year}-${number}`, assigneeId, openedById);
};
