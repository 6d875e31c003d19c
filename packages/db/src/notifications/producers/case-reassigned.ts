import { caseAssignedDrafts } from './case-assigned.ts';
import type { Producer } from './draft.ts';

/** The officer a case was reassigned to, unless they took it themselves. */
export const caseReassignedProducer: Producer<'CASE_REASSIGNED'> = (event) => {
  const { id, reference, toId, reassignedById } = event.payload;
  return caseAssignedDrafts(event.id, id, reference, toId, reassignedById);
};
