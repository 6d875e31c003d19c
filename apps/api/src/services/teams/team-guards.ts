import { type ReadTx, type Team, uniqueViolationIndex } from '@aegira/db';
import { validateSchedule, type WorkDay } from '@aegira/domain';
import { AppError, fieldError } from '../../errors/app-error.ts';
import { fullName } from './team-dto.ts';

// The rules a team must keep (product.md "Teams and people"). The database
// backs the two uniqueness rules with partial unique indexes; these checks give
// the clear message, and conflictFromUniqueViolation covers the races.

function nameTaken(name?: string): AppError {
  const message = name
    ? `an active team named "${name}" already exists; choose another name`
    : 'another active team already has this name; choose another name';
  return new AppError('TEAM_NAME_TAKEN', `name: ${message}`, { fieldErrors: { name: [message] } });
}

function leaderTaken(teamName?: string): AppError {
  const message = teamName
    ? `already leads the active team "${teamName}"; a team lead leads at most one active team`
    : 'already leads another active team; a team lead leads at most one active team';
  return new AppError('LEADER_TAKEN', `leaderId: ${message}`, {
    fieldErrors: { leaderId: [message] },
  });
}

/** Team names are unique among the company's active teams, ignoring case. */
export async function assertNameFree(
  read: ReadTx,
  name: string,
  exceptTeamId?: string,
): Promise<void> {
  // Raw SQL to compare exactly as the index teams_active_name_key does (lower(name)).
  const clash = await read.$queryRaw<Array<{ name: string }>>`
    SELECT name FROM teams
    WHERE is_active AND lower(name) = lower(${name})
      AND id IS DISTINCT FROM ${exceptTeamId ?? null}::uuid
    LIMIT 1`;
  const existing = clash[0];
  if (existing) throw nameTaken(existing.name);
}

/** An active TEAM_LEAD of this company (RLS hides other companies' people). */
export async function assertLeaderRole(read: ReadTx, leaderId: string): Promise<void> {
  const person = await read.person.findUnique({ where: { id: leaderId } });
  if (!person) throw fieldError('leaderId', 'must be a person of your company');
  if (person.role !== 'TEAM_LEAD') {
    throw fieldError('leaderId', `must be a TEAM_LEAD; ${fullName(person)} is a ${person.role}`);
  }
  if (!person.isActive) {
    throw fieldError('leaderId', `${fullName(person)} is inactive; choose an active team lead`);
  }
}

/** A team lead leads at most one active team. */
export async function assertLeaderFree(
  read: ReadTx,
  leaderId: string,
  exceptTeamId?: string,
): Promise<void> {
  const other = await activeTeamLedBy(read, leaderId, exceptTeamId);
  if (other) throw leaderTaken(other.name);
}

export async function assertSupervisor(read: ReadTx, supervisorId: string): Promise<void> {
  const person = await read.person.findUnique({ where: { id: supervisorId } });
  if (!person) throw fieldError('supervisorId', 'must be a person of your company');
  if (person.role !== 'SUPERVISOR') {
    throw fieldError(
      'supervisorId',
      `must be a SUPERVISOR; ${fullName(person)} is a ${person.role}`,
    );
  }
  if (!person.isActive) {
    throw fieldError(
      'supervisorId',
      `${fullName(person)} is inactive; choose an active supervisor`,
    );
  }
}

/** The active team a person leads, if any (people admin asks this before a demotion). */
export async function activeTeamLedBy(
  read: ReadTx,
  personId: string,
  exceptTeamId?: string,
): Promise<{ id: string; name: string } | null> {
  return read.team.findFirst({
    where: {
      leaderId: personId,
      isActive: true,
      ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}),
    },
    select: { id: true, name: true },
  });
}

function isWorkDay(day: number): day is WorkDay {
  return Number.isInteger(day) && day >= 1 && day <= 7;
}

/** The domain's schedule rules (end after start, work days), as field errors. */
export function assertSchedule(schedule: {
  windowStart: string;
  windowEnd: string;
  workDays: readonly number[];
}): void {
  const days = schedule.workDays.filter(isWorkDay);
  const errors = validateSchedule({ ...schedule, workDays: days });
  if (days.length !== schedule.workDays.length) {
    errors.push({ field: 'workDays', message: 'workDays must be weekdays from 1 to 7' });
  }
  if (errors.length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) {
    fieldErrors[error.field] = [...(fieldErrors[error.field] ?? []), error.message];
  }
  throw new AppError('VALIDATION_FAILED', errors.map((error) => error.message).join('; '), {
    fieldErrors,
  });
}

/**
 * Locks the team row for the rest of the transaction (see the lock order in
 * docs/decisions/005-team-transfers.md); NOT_FOUND if it is not visible, as a
 * field error when the id came from an input field.
 */
export async function lockTeam(
  read: ReadTx,
  id: string,
  mode: 'update' | 'share',
  field?: string,
): Promise<Team> {
  const locked =
    mode === 'update'
      ? await read.$queryRaw<
          Array<{ id: string }>
        >`SELECT id FROM teams WHERE id = ${id}::uuid FOR UPDATE`
      : await read.$queryRaw<
          Array<{ id: string }>
        >`SELECT id FROM teams WHERE id = ${id}::uuid FOR SHARE`;
  const team = locked.length > 0 ? await read.team.findUnique({ where: { id } }) : null;
  if (team) return team;
  if (field) throw fieldError(field, 'must be a team of your company', 'NOT_FOUND');
  throw new AppError('NOT_FOUND', 'No team with that id exists in your company.');
}

/**
 * Two admins raced past the checks above and the database's unique index
 * decided: the same error the check would have given, or undefined if the
 * violation is not one of the team rules.
 */
export function conflictFromUniqueViolation(error: unknown): AppError | undefined {
  switch (uniqueViolationIndex(error)) {
    case 'teams_active_name_key':
      return nameTaken();
    case 'teams_active_leader_key':
      return leaderTaken();
    default:
      return undefined;
  }
}
