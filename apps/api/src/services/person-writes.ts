import {
  type CommandActor,
  type CommandScope,
  type Db,
  executeCommand,
  type NewEvent,
  projectPersonCreated,
  type StoredEvent,
  type Tx,
} from '@aegira/db';
import { AuditAction, EventType, type Role } from '@aegira/events';

export interface NewPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  passwordHash: string;
  teamId: string | null;
  teamAssignedOn: string | null;
  phone?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  workDays?: number[];
}

function personCreatedEvent(person: NewPerson): NewEvent<'PERSON_CREATED'> {
  return {
    type: EventType.PERSON_CREATED,
    entityId: person.id,
    payload: {
      id: person.id,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone ?? null,
      windowStart: person.windowStart ?? null,
      windowEnd: person.windowEnd ?? null,
      workDays: person.workDays ?? [],
      role: person.role,
      passwordHash: person.passwordHash,
      teamId: person.teamId,
      teamAssignedOn: person.teamAssignedOn,
    },
  };
}

async function writePerson<T extends EventType>(
  scope: CommandScope<T>,
  event: StoredEvent<'PERSON_CREATED'>,
): Promise<void> {
  await projectPersonCreated(scope.tx, event);
  await scope.audit({
    action: AuditAction.PERSON_CREATED,
    entityType: 'person',
    entityId: event.entityId,
    eventId: event.id,
    details: { email: event.payload.email, role: event.payload.role, teamId: event.payload.teamId },
  });
}

/** Inside an open command (sign-up): appends PERSON_CREATED, then the row and its audit entry. */
export async function createPersonInCommand<T extends EventType>(
  scope: CommandScope<T>,
  person: NewPerson,
): Promise<void> {
  const event = await scope.append(personCreatedEvent(person));
  await writePerson(scope, event);
}

/**
 * A person in a command of its own. The function form builds the person inside
 * the transaction, so checks on current state (is the team active? is the email
 * free?) and the write cannot be separated by another request.
 */
export async function createPerson(
  db: Db,
  actor: CommandActor,
  person: NewPerson | ((tx: Tx) => Promise<NewPerson>),
): Promise<void> {
  const first =
    typeof person === 'function'
      ? async (tx: Tx) => personCreatedEvent(await person(tx))
      : personCreatedEvent(person);
  await executeCommand(db, actor, first, (scope) => writePerson(scope, scope.event));
}
