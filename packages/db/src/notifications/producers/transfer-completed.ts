import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** A worker whose move took effect is told they are now in the new team. */
export const transferCompletedProducer: Producer<'TEAM_TRANSFER_COMPLETED'> = (event) => {
  const { personId, fromTeamId, toTeamId, effectiveOn } = event.payload;
  return [
    {
      kind: 'TEAM_MOVE_COMPLETED',
      recipient: { personId },
      groupKey: eventGroupKey(event.id),
      data: { fromTeamId, toTeamId, effectiveOn },
    },
  ];
};
