import type { Tx } from '../client.ts';
import type { Team } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';
import { deactivatedFields, REACTIVATED_FIELDS } from './lifecycle-fields.ts';

// Projections build rows from event payloads only (and the event's id and
// company), so replaying a company's events reproduces its tables.

export async function projectTeamCreated(
  tx: Tx,
  event: StoredEvent<'TEAM_CREATED'>,
): Promise<Team> {
  const t = event.payload;
  return tx.team.create({
    data: {
      id: t.id,
      companyId: event.companyId,
      name: t.name,
      description: t.description,
      leaderId: t.leaderId,
      supervisorId: t.supervisorId,
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
      workDays: t.workDays,
      eventId: event.id,
    },
  });
}

/** Only the changed fields are in the payload; the others keep their values. */
export async function projectTeamUpdated(
  tx: Tx,
  event: StoredEvent<'TEAM_UPDATED'>,
): Promise<Team> {
  const { id, changes } = event.payload;
  return tx.team.update({ where: { id }, data: { ...changes, eventId: event.id } });
}

export async function projectTeamDeactivated(
  tx: Tx,
  event: StoredEvent<'TEAM_DEACTIVATED'>,
): Promise<Team> {
  const t = event.payload;
  return tx.team.update({
    where: { id: t.id },
    data: {
      ...deactivatedFields(t),
      eventId: event.id,
    },
  });
}

export async function projectTeamReactivated(
  tx: Tx,
  event: StoredEvent<'TEAM_REACTIVATED'>,
): Promise<Team> {
  return tx.team.update({
    where: { id: event.payload.id },
    data: {
      ...REACTIVATED_FIELDS,
      eventId: event.id,
    },
  });
}

export async function projectTeamMemberAssigned(
  tx: Tx,
  event: StoredEvent<'TEAM_MEMBER_ASSIGNED'>,
): Promise<void> {
  const p = event.payload;
  await tx.person.update({
    where: { id: p.personId },
    data: { teamId: p.teamId, teamAssignedOn: dateColumn(p.effectiveOn), eventId: event.id },
  });
}

export async function projectTeamMemberUnassigned(
  tx: Tx,
  event: StoredEvent<'TEAM_MEMBER_UNASSIGNED'>,
): Promise<void> {
  await tx.person.update({
    where: { id: event.payload.personId },
    data: { teamId: null, teamAssignedOn: null, eventId: event.id },
  });
}
