import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** A worker assigned to a team (taking effect at once) is told which team. */
export const teamAssignedProducer: Producer<'TEAM_MEMBER_ASSIGNED'> = (event) => [
  {
    kind: 'TEAM_ASSIGNED',
    recipient: { personId: event.payload.personId },
    groupKey: eventGroupKey(event.id),
    data: { teamId: event.payload.teamId, effectiveOn: event.payload.effectiveOn },
  },
];
