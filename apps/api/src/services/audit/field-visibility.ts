import type { ReadTx } from '@aegira/db';
import type { EntityType } from '@aegira/events';
import {
  readableCheckInFilter,
  readablePersonFilter,
  readableTeamFilter,
} from '../access-policy.ts';
import type { Actor } from '../actor.ts';

/** How the sensitive fields of an entity's events are shown to one reader. */
export type SensitiveFields = 'show' | 'hide';

async function mayReadEntity(
  read: ReadTx,
  actor: Actor,
  entity: { entityType: EntityType; entityId: string },
  now: Date,
): Promise<boolean> {
  const { entityType, entityId } = entity;
  switch (entityType) {
    case 'check_in': {
      const readable = await readableCheckInFilter(read, actor);
      return (await read.checkIn.count({ where: { AND: [readable, { id: entityId }] } })) > 0;
    }
    case 'missed_check_in': {
      const readable = await readableCheckInFilter(read, actor);
      return (await read.missedCheckIn.count({ where: { AND: [readable, { id: entityId }] } })) > 0;
    }
    case 'person': {
      const readable = await readablePersonFilter(read, actor, now);
      if (!readable) return false;
      return (await read.person.count({ where: { AND: [readable, { id: entityId }] } })) > 0;
    }
    case 'team': {
      const readable = readableTeamFilter(actor);
      if (!readable) return false;
      return (await read.team.count({ where: { AND: [readable, { id: entityId }] } })) > 0;
    }
    // A leave is read by whoever may read the person on leave.
    case 'leave': {
      const readable = await readablePersonFilter(read, actor, now);
      const leave = await read.leave.findUnique({ where: { id: entityId } });
      if (!readable || !leave) return false;
      return (await read.person.count({ where: { AND: [readable, { id: leave.personId }] } })) > 0;
    }
    // An alert (and its countermeasures) is read by whoever may read the worker's check-ins.
    case 'readiness_alert': {
      const readable = await readableCheckInFilter(read, actor);
      const alert = await read.readinessAlert.findUnique({ where: { id: entityId } });
      if (!alert) return false;
      return (
        (await read.checkIn.count({ where: { AND: [readable, { id: alert.checkInId }] } })) > 0
      );
    }
    // Everyone in the company reads its settings and holidays (row-level
    // security has already kept other companies out).
    case 'company':
    case 'holiday':
      return true;
    case 'api_token':
    // Checkpoints carry no marked fields; admins sign and read them.
    case 'audit_checkpoint':
      return actor.role === 'ADMIN';
    // Incident and case content is for WHS only (product.md "Incidents and cases"):
    // admins see counts and the trail, never what happened; a reporter reads their
    // own report through the incidents procedures, not the event history.
    case 'incident':
    case 'case':
      return actor.role === 'WHS';
    default: {
      const unreachable: never = entityType;
      return unreachable;
    }
  }
}

/**
 * Whether a reader sees the sensitive fields (health and incident content) of
 * an entity's events: only when the access policy lets them read the entity
 * itself. A READ_ONLY token never does: it is a machine reader of the trail,
 * and the access policy has no rule entitling it to that content, so the
 * conservative answer holds until one is added there.
 */
export async function sensitiveFieldsFor(
  read: ReadTx,
  actor: Actor,
  entity: { entityType: EntityType; entityId: string },
  now: Date,
): Promise<SensitiveFields> {
  if (actor.readOnly) return 'hide';
  return (await mayReadEntity(read, actor, entity, now)) ? 'show' : 'hide';
}
