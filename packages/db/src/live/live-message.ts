import type { EventType } from '@aegira/events';

/**
 * The PostgreSQL channel live updates travel on between API instances
 * (architecture.md "Jobs and live updates"). NOTIFY inside a transaction is
 * delivered only when it commits, so a message never announces a change that
 * rolled back, and every instance's listener hears it.
 */
export const LIVE_CHANNEL = 'aegira_live';

/** New notifications for these people (they refetch their list and count). */
export interface NotificationMessage {
  kind: 'notification';
  companyId: string;
  recipientIds: string[];
}

/**
 * Something on a team's roster changed (a check-in, a miss, an alert, leave):
 * for the people who may see that roster (its lead, its supervisor, admins and
 * WHS of the company).
 */
export interface RosterMessage {
  kind: 'roster';
  companyId: string;
  teamId: string;
  personId: string;
  eventType: EventType;
  leadId: string | null;
  supervisorId: string | null;
}

export type LiveMessage = NotificationMessage | RosterMessage;
