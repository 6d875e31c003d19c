import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** A worker whose move to another team is scheduled is told where and from when. */
export const transferInitiatedProducer: Producer<'TEAM_TRANSFER_INITIATED'> = (event) => {
  const { personId, fromTeamId, toTeamId, effectiveOn } = event.payload;
  return [
    {
      kind: 'TEAM_MOVE_SCHEDULED',
      recipient: { personId },
      groupKey: eventGroupKey(event.id),
      data: { fromTeamId, toTeamId, effectiveOn },
    },
  ];
};
