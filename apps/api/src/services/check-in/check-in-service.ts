import { randomUUID } from 'node:crypto';
import {
  type Db,
  dateColumn,
  executeCommand,
  isUniqueViolation,
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectMissedCheckInResolved,
} from '@aegira/db';
import { computeReadiness, type ValidCheckInInputs } from '@aegira/domain';
import { EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { applyDueTransfers } from '../teams/due-transfers.ts';
import { type CheckInDto, toCheckInDto } from './check-in-dto.ts';
import { loadWorkerDay } from './worker-day.ts';

export interface CheckInServiceDeps {
  db: Db;
  /** The one clock reading of a request; injectable so tests can fix the time. */
  now?: () => Date;
}

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
 * CHECK_IN_SUBMITTED, the row, and the resolution of a miss recorded that day.
 */
export async function submitCheckIn(
  deps: CheckInServiceDeps,
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
      async (tx) => {
        const { person, evaluation } = await loadWorkerDay(tx, actor.personId, now);
        if (!evaluation.allowed) {
          throw new AppError('CHECK_IN_NOT_ALLOWED', evaluation.message, {
            reason: evaluation.code,
          });
        }
        const existing = await tx.checkIn.findFirst({
          where: { personId: actor.personId, localDate: dateColumn(evaluation.localDate) },
          select: { id: true },
        });
        if (existing) throw alreadyCheckedIn();
        if (!person.teamId) {
          throw new AppError('CHECK_IN_NOT_ALLOWED', 'You are not assigned to a team.', {
            reason: 'NO_TEAM',
          });
        }
        return {
          type: EventType.CHECK_IN_SUBMITTED,
          entityId: id,
          payload: {
            id,
            personId: actor.personId,
            teamId: person.teamId,
            localDate: evaluation.localDate,
            inputs: eventInputs(inputs),
            scores: computeReadiness(inputs),
            isLate: evaluation.isLate,
            minutesLate: evaluation.minutesLate,
            submittedAt: now.toISOString(),
          },
        };
      },
      async (scope) => {
        const row = await projectCheckInSubmitted(scope.tx, scope.event);
        const p = scope.event.payload;
        const miss = await scope.tx.missedCheckIn.findFirst({
          where: { personId: p.personId, localDate: dateColumn(p.localDate), resolvedAt: null },
        });
        if (miss) {
          const resolved = await scope.append({
            type: EventType.MISSED_CHECK_IN_RESOLVED,
            entityId: miss.id,
            payload: { id: miss.id, checkInId: row.id, resolvedAt: p.submittedAt },
          });
          await projectMissedCheckInResolved(scope.tx, resolved);
        }
        return toCheckInDto(row);
      },
    );
  } catch (error) {
    // Two submits raced past the existence check: the unique constraint decided.
    if (isUniqueViolation(error)) throw alreadyCheckedIn();
    throw error;
  }
}

/** Amends today's check-in (CHECK_IN_UPDATED); earlier versions stay in the event history. */
export async function amendCheckIn(
  deps: CheckInServiceDeps,
  actor: Actor,
  inputs: ValidCheckInInputs,
): Promise<CheckInDto> {
  const now = deps.now?.() ?? new Date();
  await applyDueTransfers(deps.db, actor.companyId, now);
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const { day } = await loadWorkerDay(tx, actor.personId, now);
      // Lock today's row so concurrent amendments get consecutive versions.
      const locked = await tx.$queryRaw<Array<{ id: string; version: number }>>`
        SELECT id, version FROM check_ins
        WHERE person_id = ${actor.personId}::uuid AND local_date = ${day.localDate}::date
        FOR UPDATE`;
      const current = locked[0];
      if (!current) {
        throw new AppError('NOT_FOUND', 'There is no check-in today to amend. Submit one first.');
      }
      return {
        type: EventType.CHECK_IN_UPDATED,
        entityId: current.id,
        payload: {
          id: current.id,
          version: current.version + 1,
          inputs: eventInputs(inputs),
          scores: computeReadiness(inputs),
          amendedAt: now.toISOString(),
        },
      };
    },
    async (scope) => toCheckInDto(await projectCheckInUpdated(scope.tx, scope.event)),
  );
}
