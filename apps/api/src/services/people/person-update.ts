import {
  event,
  executeCommand,
  isEmailTakenInCompany,
  isUniqueViolation,
  type Person,
  type ReadTx,
  withTenant,
} from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { fieldError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { assertExpectedVersion } from '../expected-version.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import { lockPerson, notFound } from './person-rules.ts';
import { checkScheduleOverride } from './schedule-override.ts';

/** The fields of a person an update may touch; undefined means "leave as is". */
export type PersonChanges = EventPayload<'PERSON_UPDATED'>['changes'];

export function emailTaken(): Error {
  return fieldError('email', 'a person in this company already uses this email', 'EMAIL_TAKEN');
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

async function checkChanges(read: ReadTx, person: Person, changes: PersonChanges): Promise<void> {
  if (changes.email !== undefined && (await isEmailTakenInCompany(read, changes.email)))
    throw emailTaken();
  const touchesSchedule =
    changes.windowStart !== undefined ||
    changes.windowEnd !== undefined ||
    changes.workDays !== undefined;
  if (touchesSchedule) {
    const team = person.teamId
      ? await read.team.findUnique({ where: { id: person.teamId } })
      : null;
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
  deps: ServiceDeps,
  actor: Actor,
  personId: string,
  requested: PersonChanges,
  options: { audit: boolean; expectedVersion?: string | undefined },
): Promise<PersonDto> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const command = () =>
    executeCommand(
      db,
      commandActor(actor),
      async (read) => {
        const person = await lockPerson(read, personId);
        await assertExpectedVersion(options.expectedVersion, person, () =>
          personDtoOf(read, person, now),
        );
        const changes = changedFields(person, requested);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        await checkChanges(read, person, changes);
        return [
          event(
            EventType.PERSON_UPDATED,
            { id: personId, changes },
            options.audit
              ? { action: AuditAction.PERSON_UPDATED, details: { changes } }
              : undefined,
          ),
        ];
      },
      async (read) =>
        personDtoOf(read, await read.person.findUniqueOrThrow({ where: { id: personId } }), now),
    );
  const current = () =>
    withTenant(db, actor.companyId, async (read) => {
      const row = await read.person.findUnique({ where: { id: personId } });
      if (!row) throw notFound();
      return personDtoOf(read, row, now);
    });
  try {
    return await orCurrentIfUnchanged(command, current);
  } catch (error) {
    // Lost a race for the same email after the check in the transaction.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
