import type { Tx } from '../client.ts';
import type { Person } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';
import { deactivatedFields, REACTIVATED_FIELDS } from './lifecycle-fields.ts';

// Changes to an existing person, each built from its event alone (with the
// event's own id and company), so a replay of the log reproduces the row.

export async function projectPersonUpdated(
  tx: Tx,
  event: StoredEvent<'PERSON_UPDATED'>,
): Promise<Person> {
  const { id, changes } = event.payload;
  return tx.person.update({ where: { id }, data: { ...changes, eventId: event.id } });
}

export async function projectPersonRoleChanged(
  tx: Tx,
  event: StoredEvent<'PERSON_ROLE_CHANGED'>,
): Promise<Person> {
  const p = event.payload;
  return tx.person.update({
    where: { id: p.id },
    data: {
      role: p.to,
      teamId: p.teamId,
      teamAssignedOn: p.teamAssignedOn ? dateColumn(p.teamAssignedOn) : null,
      tokenVersion: p.tokenVersion,
      eventId: event.id,
    },
  });
}

export async function projectPersonPasswordChanged(
  tx: Tx,
  event: StoredEvent<'PERSON_PASSWORD_CHANGED'>,
): Promise<Person> {
  const p = event.payload;
  return tx.person.update({
    where: { id: p.id },
    data: { passwordHash: p.passwordHash, tokenVersion: p.tokenVersion, eventId: event.id },
  });
}

export async function projectPersonDeactivated(
  tx: Tx,
  event: StoredEvent<'PERSON_DEACTIVATED'>,
): Promise<Person> {
  const p = event.payload;
  return tx.person.update({
    where: { id: p.id },
    data: {
      ...deactivatedFields(p),
      tokenVersion: p.tokenVersion,
      eventId: event.id,
    },
  });
}

export async function projectPersonReactivated(
  tx: Tx,
  event: StoredEvent<'PERSON_REACTIVATED'>,
): Promise<Person> {
  return tx.person.update({
    where: { id: event.payload.id },
    data: {
      ...REACTIVATED_FIELDS,
      eventId: event.id,
    },
  });
}

export async function projectPersonSessionsRevoked(
  tx: Tx,
  event: StoredEvent<'PERSON_SESSIONS_REVOKED'>,
): Promise<Person> {
  const p = event.payload;
  return tx.person.update({
    where: { id: p.id },
    data: { tokenVersion: p.tokenVersion, eventId: event.id },
  });
}
