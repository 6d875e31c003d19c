import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/**
 * The worker is told leave was recorded for them (type and dates; never the note, which can be
 * health data). Nobody is told of leave they recorded for themselves.
 */
export const leaveRecordedProducer: Producer<'LEAVE_RECORDED'> = (event) => {
  const { id, personId, type, startDate, endDate, recordedById } = event.payload;
  if (recordedById === personId) return [];
  return [
    {
      kind: 'LEAVE_RECORDED',
      recipient: { personId },
      groupKey: eventGroupKey(event.id),
      data: { leaveId: id, type, startDate, endDate },
    },
  ];
};
