import {
  type CommandActor,
  type CredentialWrite,
  type Db,
  type DecidedEvent,
  event,
  executeCommand,
  type ReadTx,
} from '@aegira/db';
import { AuditAction, EventType, type Role } from '@aegira/events';

export interface NewPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  /** Set as the person's credential, never put in the event (product.md rule 3). */
  passwordHash: string;
  teamId: string | null;
  teamAssignedOn: string | null;
  phone?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  workDays?: number[];
  /** An admin-set password: changed at the next login before anything else. Default false. */
  mustChangePassword?: boolean;
}

/**
 * PERSON_CREATED with its audit note, and the password credential beside it:
 * the hash goes to the credentials table, the event only says who was created.
 */
export function personCreation(person: NewPerson): {
  event: DecidedEvent;
  credential: CredentialWrite;
} {
  return {
    event: event(
      EventType.PERSON_CREATED,
      {
        id: person.id,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        phone: person.phone ?? null,
        windowStart: person.windowStart ?? null,
        windowEnd: person.windowEnd ?? null,
        workDays: person.workDays ?? [],
        role: person.role,
        teamId: person.teamId,
        teamAssignedOn: person.teamAssignedOn,
        mustChangePassword: person.mustChangePassword ?? false,
      },
      {
        action: AuditAction.PERSON_CREATED,
        details: { email: person.email, role: person.role, teamId: person.teamId },
      },
    ),
    credential: { kind: 'password', personId: person.id, passwordHash: person.passwordHash },
  };
}

/**
 * A person in a command of its own (seed and fixtures: no guards). The
 * function form builds the person from current state inside the transaction,
 * so checks (is the team active? is the email free?) and the write cannot be
 * separated by another request.
 */
export async function createPerson(
  db: Db,
  actor: CommandActor,
  person: NewPerson | ((read: ReadTx) => Promise<NewPerson>),
): Promise<void> {
  await executeCommand(db, actor, async (read) => {
    const created = personCreation(typeof person === 'function' ? await person(read) : person);
    return { events: [created.event], credentials: [created.credential] };
  });
}
