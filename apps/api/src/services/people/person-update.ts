import {
  type Db,
  executeCommand,
  isEmailTaken,
  isUniqueViolation,
  type Person,
  projectPersonUpdated,
  type Tx,
  withTenant,
} from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { fieldError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import { lockPerson, notFound } from './person-rules.ts';
import { checkScheduleOverride } from './schedule-override.ts';

/** The fields of a person an update may touch; undefined means "leave as is". */
export type PersonChanges = EventPayload<'PERSON_UPDATED'>['changes'];

export function emailTaken(): Error {
  return fieldError('email', 'an account with this email already exists', 'EMAIL_TAKEN');
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((day, index) => day === b[index]);
}

/** Only the fields whose value differs from the row: PERSON_UPDATED records changes, not requests. */
function changedFields(person: Person, requested: PersonChanges): PersonChanges {
  const changes: PersonChanges = {};
  if (requested.email !== undefined && requested.email !== person.email) {
    changes.email = requested.email;
  }
  if (requested.firstName !== undefined && requested.firstName !== person.firstName) {
    changes.firstName = requested.firstName;
  }
  if (requested.lastName !== undefined && requested.lastName !== person.lastName) {
    changes.lastName = requested.lastName;
  }
  if (requested.phone !== undefined && requested.phone !== person.phone) {
    changes.phone = requested.phone;
  }
  if (requested.windowStart !== undefined && requested.windowStart !== person.windowStart) {
    changes.windowStart = requested.windowStart;
  }
  if (requested.windowEnd !== undefined && requested.windowEnd !== person.windowEnd) {
    changes.windowEnd = requested.windowEnd;
  }
  if (requested.workDays !== undefined && !sameDays(requested.workDays, person.workDays)) {
    changes.workDays = requested.workDays;
  }
  return changes;
}

async function checkChanges(tx: Tx, person: Person, changes: PersonChanges): Promise<void> {
  if (changes.email !== undefined && (await isEmailTaken(tx, changes.email))) throw emailTaken();
  const touchesSchedule =
    changes.windowStart !== undefined ||
    changes.windowEnd !== undefined ||
    changes.workDays !== undefined;
  if (touchesSchedule) {
    const team = person.teamId ? await tx.team.findUnique({ where: { id: person.teamId } }) : null;
    checkScheduleOverride(
      {
        windowStart: changes.windowStart !== undefined ? changes.windowStart : person.windowStart,
        windowEnd: changes.windowEnd !== undefined ? changes.windowEnd : person.windowEnd,
        workDays: changes.workDays ?? person.workDays,
      },
      team,
    );
  }
}

/**
 * PERSON_UPDATED with the changed fields only (plus the AuditLog row when an
 * admin does it). A request that changes nothing writes nothing and answers
 * with the person as they are.
 */
export async function writePersonUpdate(
  db: Db,
  actor: Actor,
  personId: string,
  requested: PersonChanges,
  options: { audit: boolean },
): Promise<PersonDto> {
  const command = () =>
    executeCommand(
      db,
      commandActor(actor),
      async (tx) => {
        const person = await lockPerson(tx, personId);
        const changes = changedFields(person, requested);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        await checkChanges(tx, person, changes);
        return {
          type: EventType.PERSON_UPDATED,
          entityId: personId,
          payload: { id: personId, changes },
        };
      },
      async (scope) => {
        const row = await projectPersonUpdated(scope.tx, scope.event);
        if (options.audit) {
          await scope.audit({
            action: AuditAction.PERSON_UPDATED,
            entityType: 'person',
            entityId: personId,
            details: { changes: scope.event.payload.changes },
          });
        }
        return personDtoOf(scope.tx, row);
      },
    );
  const current = () =>
    withTenant(db, actor.companyId, async (tx) => {
      const row = await tx.person.findUnique({ where: { id: personId } });
      if (!row) throw notFound();
      return personDtoOf(tx, row);
    });
  try {
    return await orCurrentIfUnchanged(command, current);
  } catch (error) {
    // Lost a race for the same email after the check in the transaction.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
