import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** A worker whose scheduled move was cancelled (by an admin, or with its team) stays where they are. */
export const transferCancelledProducer: Producer<'TEAM_TRANSFER_CANCELLED'> = (event) => {
  const { personId, fromTeamId, toTeamId, reason } = event.payload;
  // A deactivated person can no longer sign in to read it.
  if (reason === 'person_deactivated') return [];
  return [
    {
      kind: 'TEAM_MOVE_CANCELLED',
      recipient: { personId },
      groupKey: eventGroupKey(event.id),
      data: { fromTeamId, toTeamId, reason },
    },
  ];
};
