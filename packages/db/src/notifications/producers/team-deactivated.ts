import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/** Every member the deactivation unassigned, and the team's lead (as of the deactivation). */
export const teamDeactivatedProducer: Producer<'TEAM_DEACTIVATED'> = (event) => {
  const { id: teamId, reason, unassignedPersonIds } = event.payload;
  const draft = {
    kind: 'TEAM_DEACTIVATED',
    groupKey: eventGroupKey(event.id),
    data: { teamId, reason },
  } as const;
  return [
    ...unassignedPersonIds.map((personId) => ({ ...draft, recipient: { personId } })),
    { ...draft, recipient: { leadOfTeam: teamId } },
  ];
};
