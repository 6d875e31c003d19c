import type { EventType } from '@aegira/events';
import type { StoredEvent } from '../../stored-event.ts';
import type { NotificationData, NotificationKind } from '../notification-kinds.ts';

/**
 * Who gets a notification: a person named by the event, or the lead of a team as of the event
 * (read from team_versions at the event's time, so a rebuild from the log finds the same person).
 */
export type Recipient = { personId: string } | { leadOfTeam: string };

/** A notification an event causes, before its recipient is resolved and it is stored. */
export interface NotificationDraft {
  kind: NotificationKind;
  recipient: Recipient;
  groupKey: string;
  data: NotificationData;
  /** Grouped notifications list the people they are about (data.personIds grows with the group). */
  subjectId?: string;
  /** An alert whose worker and team are added to data (read from readiness_alerts). */
  alertId?: string;
}

/** Turns one event of its type into the notifications it causes. Pure. */
export type Producer<K extends EventType> = (event: StoredEvent<K>) => NotificationDraft[];
