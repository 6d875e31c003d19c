import type { LiveMessage } from '@aegira/db';
import type { EventType, Role } from '@aegira/events';

/** Who holds a live stream: the session's person, company and role. */
export interface LiveViewer {
  personId: string;
  companyId: string;
  role: Role;
}

/**
 * What a browser is told: only that something it shows changed, never whom
 * else a message was for (a notification message lists every recipient).
 * `resync`: messages may have been missed (the instance lost its database
 * connection, or the browser read too slowly), so re-read everything shown.
 */
export type LiveUpdate =
  | { kind: 'notification' }
  | { kind: 'roster'; teamId: string; personId: string; eventType: EventType }
  | { kind: 'resync' };

/**
 * The update a viewer gets for a message, or null when it is not for them
 * (product.md "Roles"): never another company's; a notification only for its
 * recipients; a roster change for the company's admins and WHS officers and
 * for the team's lead and supervisor.
 */
export function updateFor(message: LiveMessage, viewer: LiveViewer): LiveUpdate | null {
  if (message.companyId !== viewer.companyId) return null;
  switch (message.kind) {
    case 'notification':
      return message.recipientIds.includes(viewer.personId) ? { kind: 'notification' } : null;
    case 'roster': {
      const seesCompany = viewer.role === 'ADMIN' || viewer.role === 'WHS';
      const runsTeam =
        viewer.personId === message.leadId || viewer.personId === message.supervisorId;
      if (!seesCompany && !runsTeam) return null;
      return {
        kind: 'roster',
        teamId: message.teamId,
        personId: message.personId,
        eventType: message.eventType,
      };
    }
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}
