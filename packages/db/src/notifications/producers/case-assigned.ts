import { eventGroupKey } from '../notification-kinds.ts';
import type { NotificationDraft } from './draft.ts';

/** The officer a case was (re)assigned to, unless they assigned it to themselves. */
export function caseAssignedDrafts(
  eventId: string,
  caseId: string,
  reference: string,
  assigneeId: string,
  byId: string,
): NotificationDraft[] {
  // An officer who takes a case themselves needs no telling.
  if (assigneeId === byId) return [];
  return [
    {
      kind: 'CASE_ASSIGNED',
      recipient: { personId: assigneeId },
      groupKey: eventGroupKey(eventId),
      data: { caseId, reference },
    },
  ];
}
