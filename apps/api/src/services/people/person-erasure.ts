import { event, executeCommand, type ReadTx } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import { lockPerson, refuseSelf } from './person-rules.ts';

/**
 * PERSON_ERASED (+ AuditLog): a former employee's health data erased, when the law requires it
 * (docs/decisions/039). The write path destroys their key, so what it sealed in the log reads
 * as erased from then on, and the projections clear the rows that held it (check-in answers,
 * notes, pain, excuse and leave notes, incidents they reported and those incidents' cases).
 * Scores stay, so team analytics computed from them do not change. Only a deactivated person
 * can be erased, and only once; nothing new is recorded about them afterwards.
 */
export async function erasePerson(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string; reason: string },
): Promise<PersonDto> {
  refuseSelf(actor, request.personId, 'erase your own data', 'OWN_ERASURE');
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await lockPerson(read, request.personId);
      if (person.erasedAt) {
        throw new AppError(
          'ALREADY_ERASED',
          `This person’s health data was already erased on ${person.erasedAt.toISOString()}.`,
        );
      }
      if (person.isActive) {
        throw new AppError(
          'STILL_ACTIVE',
          'Deactivate this person first: only a former employee’s health data can be erased.',
        );
      }
      return [
        event(
          EventType.PERSON_ERASED,
          {
            id: person.id,
            reason: request.reason,
            erasedById: actor.personId,
            erasedAt: now.toISOString(),
          },
          { action: AuditAction.PERSON_ERASED, details: { reason: request.reason } },
        ),
      ];
    },
    async (read: ReadTx) =>
      personDtoOf(
        read,
        await read.person.findUniqueOrThrow({ where: { id: request.personId } }),
        now,
      ),
  );
}
