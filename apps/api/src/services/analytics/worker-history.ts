import { type CheckIn, dateColumn, type ReadTx, withTenant } from '@aegira/db';
import { averageOf, earlierDate, percentOf } from '@aegira/domain';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type {
  workerHistoryDayOutput,
  workerHistoryInput,
  workerHistoryOutput,
} from '../../modules/analytics/analytics-schemas.ts';
import { teamScopeOf } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { toCheckInDto } from '../check-in/check-in-dto.ts';
import { companyClockOf, fullName } from './analytics-scope.ts';
import { type PersonDayRow, personDayRows } from './person-day-rows.ts';

type WorkerHistory = z.infer<typeof workerHistoryOutput>;
export type WorkerHistoryDay = z.infer<typeof workerHistoryDayOutput>;

/** Which of the person's days the actor may read: all, those on the given teams, or none. */
async function visibleTeams(read: ReadTx, actor: Actor, personId: string) {
  const scope = await teamScopeOf(read, actor);
  switch (scope.kind) {
    case 'all':
      return null;
    case 'teams':
      return personId === actor.personId ? null : scope.teamIds;
    case 'self':
      if (personId !== actor.personId) throw notVisible();
      return null;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

function notVisible(): AppError {
  return new AppError('NOT_FOUND', 'No person with that id is visible to you.');
}

function statusOf(row: PersonDayRow, today: string): WorkerHistoryDay['status'] {
  if (row.check_in_id !== null) return 'checked_in';
  if (row.leave_id !== null) return 'on_leave';
  if (row.miss_id !== null) return row.excused ? 'excused' : 'missed';
  if (!row.expected) return 'not_expected';
  return row.local_date < today ? 'missed' : 'pending';
}

/** The days of one person (oldest first) the actor may read, with every record of each. */
export async function loadHistoryDays(
  read: ReadTx,
  actor: Actor,
  request: { personId: string; from: string; to: string; now: Date; today: string },
): Promise<WorkerHistoryDay[]> {
  const teamIds = await visibleTeams(read, actor, request.personId);
  const to = earlierDate(request.to, request.today);
  if (request.from > to) return [];
  const rows = await personDayRows(read, { ...request, to, teamIds });
  const checkIns = await read.checkIn.findMany({
    where: {
      personId: request.personId,
      localDate: { gte: dateColumn(request.from), lte: dateColumn(to) },
    },
  });
  const checkInOf = new Map<string, CheckIn>(checkIns.map((row) => [row.id, row]));
  const teams = await read.team.findMany({
    where: { id: { in: [...new Set(rows.flatMap((row) => (row.team_id ? [row.team_id] : [])))] } },
    select: { id: true, name: true },
  });
  return rows.map((row) => {
    const checkIn = row.check_in_id ? checkInOf.get(row.check_in_id) : undefined;
    return {
      date: row.local_date,
      team: row.team_id
        ? { id: row.team_id, name: teams.find((team) => team.id === row.team_id)?.name ?? '' }
        : null,
      expected: row.expected,
      status: statusOf(row, request.today),
      checkIn: checkIn ? toCheckInDto(checkIn) : null,
      leave: row.leave_id && row.leave_type ? { id: row.leave_id, type: row.leave_type } : null,
      miss: row.miss_id
        ? { id: row.miss_id, excused: row.excused === true, excuseReason: row.excuse_reason }
        : null,
    };
  });
}

/**
 * A member's days over a chosen period (newest first), clamped to today and to
 * their first day on a team; a lead or supervisor sees only the days spent on
 * their teams, and NOT_FOUND when there are none.
 */
export async function workerHistory(
  deps: ServiceDeps,
  actor: Actor,
  input: z.infer<typeof workerHistoryInput>,
): Promise<WorkerHistory> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const person = await read.person.findFirst({ where: { id: input.personId } });
    if (!person) throw notVisible();
    const { today } = await companyClockOf(read, actor, now);
    const all = await loadHistoryDays(read, actor, { ...input, now, today });
    const firstOnTeam = all.findIndex((day) => day.team !== null);
    const days = firstOnTeam < 0 ? [] : all.slice(firstOnTeam);
    // A lead or supervisor with no day of this person on their teams may not know they exist.
    const seesEveryone = (await teamScopeOf(read, actor)).kind === 'all';
    if (days.length === 0 && person.id !== actor.personId && !seesEveryone) throw notVisible();
    const expected = days.filter((day) => day.expected);
    const submitted = expected.filter((day) => day.checkIn !== null).length;
    const scores = days.flatMap((day) => (day.checkIn ? [day.checkIn.scores.readinessScore] : []));
    return {
      person: {
        id: person.id,
        name: fullName(person),
        email: person.email,
        isActive: person.isActive,
      },
      from: days[0]?.date ?? input.from,
      to: days.at(-1)?.date ?? earlierDate(input.to, today),
      days: [...days].reverse(),
      summary: {
        expected: expected.length,
        submitted,
        compliance: percentOf(submitted, expected.length),
        averageReadiness: averageOf(
          scores.reduce((sum, score) => sum + score, 0),
          scores.length,
        ),
        missed: days.filter((day) => day.status === 'missed').length,
        excused: days.filter((day) => day.status === 'excused').length,
        leaveDays: days.filter((day) => day.status === 'on_leave').length,
      },
    };
  });
}
