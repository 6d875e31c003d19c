import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** The reporter learns their report was approved and a case opened (the reference only). */
export const incidentApprovedProducer: Producer<'INCIDENT_APPROVED'> = (event) => {
  const { id, reference, reporterId } = event.payload;
  return [
    {
      kind: 'INCIDENT_APPROVED',
      recipient: { personId: reporterId },
      groupKey: eventGroupKey(event.id),
      data: { incidentId: id, reference },
    },
  ];
};
