import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** The reporter learns their report was rejected and the reason from the list (the explanation stays on the report). */
export const incidentRejectedProducer: Producer<'INCIDENT_REJECTED'> = (event) => {
  const { id, reference, reporterId, reason } = event.payload;
  return [
    {
      kind: 'INCIDENT_REJECTED',
      recipient: { personId: reporterId },
      groupKey: eventGroupKey(event.id),
      data: { incidentId: id, reference, reason },
    },
  ];
};
