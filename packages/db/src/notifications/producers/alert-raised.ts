import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/**
 * The lead named by the alert hears of a member's RED (or painful) check-in: level and score,
 * never the pain level, which is health data.
 */
export const alertRaisedProducer: Producer<'READINESS_ALERT_RAISED'> = (event) => {
  const { id, personId, teamId, localDate, readinessLevel, readinessScore, leadId } = event.payload;
  if (!leadId) return [];
  return [
    {
      kind: 'READINESS_ALERT',
      recipient: { personId: leadId },
      groupKey: eventGroupKey(event.id),
      data: { alertId: id, personId, teamId, localDate, readinessLevel, readinessScore },
    },
  ];
};
