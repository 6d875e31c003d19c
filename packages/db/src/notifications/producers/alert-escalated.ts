import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** Each person the alert escalated to (the supervisor, or every WHS officer). */
export const alertEscalatedProducer: Producer<'READINESS_ALERT_ESCALATED'> = (event) => {
  const { id, escalatedTo, escalatedToIds } = event.payload;
  return escalatedToIds.map((personId) => ({
    kind: 'READINESS_ALERT_ESCALATED',
    recipient: { personId },
    groupKey: eventGroupKey(event.id),
    data: { alertId: id, escalatedTo },
    // The worker and team are the alert's; read from its row, not repeated in the payload.
    alertId: id,
  }));
};
