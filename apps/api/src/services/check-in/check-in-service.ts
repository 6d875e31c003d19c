import { randomUUID } from 'node:crypto';
import {
  type DecidedEvent,
  dateColumn,
  event,
  executeCommand,
  isUniqueViolation,
} from '@aegira/db';
import { computeReadiness, type ValidCheckInInputs } from '@aegira/domain';
import { EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { applyDueTransfers } from '../teams/due-transfers.ts';
import { type CheckInDto, toCheckInDto } from './check-in-dto.ts';
import { loadWorkerDay } from './worker-day.ts';

function eventInputs(inputs: ValidCheckInInputs) {
  return {
    hoursSlept: inputs.hoursSlept,
    sleepQuality: inputs.sleepQuality,
    stressLevel: inputs.stressLevel,
    physicalCondition: inputs.physicalCondition,
    painLevel: inputs.painLevel,
    painLocation: inputs.painLocation,
    notes: inputs.notes,
  };
}

function alreadyCheckedIn(): AppError {
  return new AppError(
    'ALREADY_CHECKED_IN',
    'You have already checked in today. You can amend it instead.',
  );
}

/**
 * Submits today's check-in: window rules on one clock reading, then
 * CHECK_IN_SUBMITTED, and MISSED_CHECK_IN_RESOLVED for a miss recorded that day.
 */
export async function submitCheckIn(
  deps: ServiceDeps,
  actor: Actor,
  inputs: ValidCheckInInputs,
): Promise<CheckInDto> {
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  // On a transfer's effective day the check-in belongs to the new team.
  await applyDueTransfers(deps.db, actor.companyId, now);
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        const { teamId, evaluation } = await loadWorkerDay(read, actor.personId, now);
        if (!evaluation.allowed) {
          throw new AppError('CHECK_IN_NOT_ALLOWED', evaluation.message, {
            reason: evaluation.code,
          });
        }
        const localDate = dateColumn(evaluation.localDate);
        const existing = await read.checkIn.findFirst({
          where: { personId: actor.personId, localDate },
          select: { id: true },
        });
        if (existing) throw alreadyCheckedIn();
        if (!teamId) {
          throw new AppError('CHECK_IN_NOT_ALLOWED', 'You are not assigned to a team.', {
            reason: 'NO_TEAM',
          });
        }
        const submittedAt = now.toISOString();
        const events: DecidedEvent[] = [
          event(EventType.CHECK_IN_SUBMITTED, {
            id,
            personId: actor.personId,
            teamId,
            localDate: evaluation.localDate,
            inputs: eventInputs(inputs),
            scores: computeReadiness(inputs),
            isLate: evaluation.isLate,
            minutesLate: evaluation.minutesLate,
            submittedAt,
          }),
        ];
        const miss = await read.missedCheckIn.findFirst({
          // An excused miss stays excused; only an open one is resolved by the late check-in.
          where: { personId: actor.personId, localDate, resolvedAt: null, excusedAt: null },
          select: { id: true },
        });
        if (miss) {
          events.push(
            event(EventType.MISSED_CHECK_IN_RESOLVED, {
              id: miss.id,
              checkInId: id,
              resolvedAt: submittedAt,
            }),
          );
        }
        return events;
      },
      async (read) => toCheckInDto(await read.checkIn.findUniqueOrThrow({ where: { id } })),
    );
  } catch (error) {
    // Two submits raced past the existence check: the unique constraint decided.
    if (isUniqueViolation(error)) throw alreadyCheckedIn();
    throw error;
  }
}

/** Amends today's check-in (CHECK_IN_UPDATED); earlier versions stay in the event history. */
export async function amendCheckIn(
  deps: ServiceDeps,
  actor: Actor,
  inputs: ValidCheckInInputs,
): Promise<CheckInDto> {
  const now = deps.now?.() ?? new Date();
  await applyDueTransfers(deps.db, actor.companyId, now);
  let id = '';
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const { day } = await loadWorkerDay(read, actor.personId, now);
      // Lock today's row so concurrent amendments get consecutive versions.
      const locked = await read.$queryRaw<Array<{ id: string; version: number }>>`
        SELECT id, version FROM check_ins
        WHERE person_id = ${actor.personId}::uuid AND local_date = ${day.localDate}::date
        FOR UPDATE`;
      const current = locked[0];
      if (!current) {
        throw new AppError('NOT_FOUND', 'There is no check-in today to amend. Submit one first.');
      }
      id = current.id;
      return [
        event(EventType.CHECK_IN_UPDATED, {
          id: current.id,
          version: current.version + 1,
          inputs: eventInputs(inputs),
          scores: computeReadiness(inputs),
          amendedAt: now.toISOString(),
        }),
      ];
    },
    async (read) => toCheckInDto(await read.checkIn.findUniqueOrThrow({ where: { id } })),
  );
}
