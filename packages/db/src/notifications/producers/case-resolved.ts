import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** The reporter learns the case of their incident was resolved (never the summary, which is sensitive). */
export const caseResolvedProducer: Producer<'CASE_STATUS_CHANGED'> = (event) => {
  const { id, to, incidentReference, reporterId, changedById } = event.payload;
  if (to !== 'RESOLVED' || reporterId === changedById) return [];
  return [
    {
      kind: 'CASE_RESOLVED',
      recipient: { personId: reporterId },
      groupKey: eventGroupKey(event.id),
      data: { caseId: id, reference: incidentReference },
    },
  ];
};
