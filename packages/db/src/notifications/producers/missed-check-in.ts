import { eventGroupKey, teamMissesGroupKey } from '../notification-kinds.ts';
import type { NotificationDraft, Producer } from './draft.ts';

/**
 * A miss notifies the worker (one per miss) and the team's lead, grouped per team and local
 * date: one notification per lead that lists every missing worker and is unread again when it
 * grows. The lead is the one in the miss's snapshot; misses recorded before snapshots existed
 * ask the team as of the detection event.
 */
export const missedCheckInProducer: Producer<'MISSED_CHECK_IN_DETECTED'> = (event) => {
  const { personId, teamId, localDate, snapshot } = event.payload;
  const leadId = snapshot?.leadId;
  const drafts: NotificationDraft[] = [
    {
      kind: 'MISSED_CHECK_IN',
      recipient: { personId },
      groupKey: eventGroupKey(event.id),
      data: { teamId, localDate, missedCheckInId: event.payload.id },
    },
    {
      kind: 'TEAM_MISSED_CHECK_INS',
      recipient: leadId ? { personId: leadId } : { leadOfTeam: teamId },
      groupKey: teamMissesGroupKey(teamId, localDate),
      data: { teamId, localDate },
      subjectId: personId,
    },
  ];
  return drafts;
};
