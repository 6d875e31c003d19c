import { randomUUID } from 'node:crypto';
import {
  type DecidedEvent,
  event,
  executeSqlCommand,
  isUniqueViolation,
  Prisma,
  sealedFor,
} from '@aegira/db';
import { computeReadiness, type ValidCheckInInputs } from '@aegira/domain';
import { EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { alertEvents } from './alert-event.ts';
import { type CheckInDto, painLocationOf } from './check-in-dto.ts';
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
 * The hot path (docs/decisions/014): one read, one transaction (the driver's,
 * decision 046), and the answer built from the event itself.
 */
export async function submitCheckIn(
  deps: ServiceDeps,
  actor: Actor,
  inputs: ValidCheckInInputs,
): Promise<CheckInDto> {
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  try {
    const [submitted] = await executeSqlCommand(deps.db, commandActor(actor), async (read) => {
      // The team of today counts a due transfer as done, so the check-in
      // belongs to the new team on its day; the scheduled job completes it.
      const { teamId, evaluation, checkInId, openMissId, leadId } = await loadWorkerDay(
        read,
        actor.personId,
        now,
      );
      if (!evaluation.allowed) {
        throw new AppError('CHECK_IN_NOT_ALLOWED', evaluation.message, {
          reason: evaluation.code,
        });
      }
      if (checkInId) throw alreadyCheckedIn();
      if (!teamId) {
        throw new AppError('CHECK_IN_NOT_ALLOWED', 'You are not assigned to a team.', {
          reason: 'NO_TEAM',
        });
      }
      const submittedAt = now.toISOString();
      const scores = computeReadiness(inputs);
      const events: DecidedEvent[] = [
        event(EventType.CHECK_IN_SUBMITTED, {
          id,
          personId: actor.personId,
          teamId,
          localDate: evaluation.localDate,
          inputs: eventInputs(inputs),
          scores,
          isLate: evaluation.isLate,
          minutesLate: evaluation.minutesLate,
          submittedAt,
        }),
        ...alertEvents({
          checkInId: id,
          personId: actor.personId,
          teamId,
          localDate: evaluation.localDate,
          scores,
          painLevel: inputs.painLevel,
          leadId,
          at: submittedAt,
        }),
      ];
      // An excused miss stays excused; only an open one is resolved by the late
      // check-in. Locked and re-read, so an excuse committed meanwhile wins cleanly.
      const stillOpen = openMissId
        ? await read.rows<{ id: string }>(Prisma.sql`
            SELECT id FROM missed_check_ins
            WHERE id = ${openMissId}::uuid AND resolved_at IS NULL AND excused_at IS NULL
            FOR UPDATE`)
        : [];
      if (openMissId && stillOpen.length > 0) {
        events.push(
          event(EventType.MISSED_CHECK_IN_RESOLVED, {
            id: openMissId,
            checkInId: id,
            resolvedAt: submittedAt,
          }),
        );
      }
      return events;
    });
    if (submitted?.type !== EventType.CHECK_IN_SUBMITTED) {
      throw new Error('submitCheckIn stored no CHECK_IN_SUBMITTED');
    }
    const p = submitted.payload;
    return {
      ...p,
      inputs: { ...p.inputs, painLocation: painLocationOf(p.inputs.painLocation) },
      amendedAt: null,
      version: 1,
    };
  } catch (error) {
    // Two submits raced past the existence check: the unique constraint decided.
    if (isUniqueViolation(error)) throw alreadyCheckedIn();
    throw error;
  }
}

interface TodayRow {
  id: string;
  version: number;
  team_id: string;
  local_date: string;
  is_late: boolean;
  minutes_late: number;
  submitted_at: Date;
  /** The lead of the check-in's team now, and whether the check-in already raised an alert. */
  lead_id: string | null;
  has_alert: boolean;
}

/** Amends today's check-in (CHECK_IN_UPDATED); earlier versions stay in the event history. */
export async function amendCheckIn(
  deps: ServiceDeps,
  actor: Actor,
  inputs: ValidCheckInInputs,
): Promise<CheckInDto> {
  const now = deps.now?.() ?? new Date();
  let today: TodayRow | undefined;
  const [amended] = await executeSqlCommand(deps.db, commandActor(actor), async (read) => {
    // Today's row, locked so concurrent amendments get consecutive versions.
    // Text, integers, booleans and a timestamptz: the same row from the driver or Prisma.
    const locked = await read.rows<TodayRow>(Prisma.sql`
      SELECT ci.id, ci.version, ci.team_id, ci.local_date::text AS local_date, ci.is_late,
             ci.minutes_late, ci.submitted_at, t.leader_id AS lead_id,
             EXISTS (SELECT 1 FROM readiness_alerts ra WHERE ra.check_in_id = ci.id) AS has_alert
      FROM check_ins ci JOIN companies c ON c.id = ci.company_id
      LEFT JOIN teams t ON t.id = ci.team_id
      WHERE ci.person_id = ${actor.personId}::uuid
        AND ci.local_date = (${now}::timestamptz AT TIME ZONE c.timezone)::date
      FOR UPDATE OF ci`);
    today = locked[0];
    if (!today) {
      throw new AppError('NOT_FOUND', 'There is no check-in today to amend. Submit one first.');
    }
    const scores = computeReadiness(inputs);
    const amendedAt = now.toISOString();
    return [
      sealedFor(
        actor.personId,
        event(EventType.CHECK_IN_UPDATED, {
          id: today.id,
          version: today.version + 1,
          inputs: eventInputs(inputs),
          scores,
          amendedAt,
        }),
      ),
      // An amendment that turns the day RED alerts the lead, once per check-in
      // (the row is locked, so two amendments cannot both raise one).
      ...(today.has_alert
        ? []
        : alertEvents({
            checkInId: today.id,
            personId: actor.personId,
            teamId: today.team_id,
            localDate: today.local_date,
            scores,
            painLevel: inputs.painLevel,
            leadId: today.lead_id,
            at: amendedAt,
          })),
    ];
  });
  if (amended?.type !== EventType.CHECK_IN_UPDATED || !today) {
    throw new Error('amendCheckIn stored no CHECK_IN_UPDATED');
  }
  const p = amended.payload;
  return {
    id: p.id,
    personId: actor.personId,
    teamId: today.team_id,
    localDate: today.local_date,
    inputs: { ...p.inputs, painLocation: painLocationOf(p.inputs.painLocation) },
    scores: p.scores,
    isLate: today.is_late,
    minutesLate: today.minutes_late,
    submittedAt: today.submitted_at.toISOString(),
    amendedAt: p.amendedAt,
    version: p.version,
  };
}
