import { sqlOf, withTenant } from '@aegira/db';
import { addDays, earlierDate, laterDate, periodStart } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import { readablePersonFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf, datesFrom, firstDayOf, readableTeamIds } from './analytics-scope.ts';
import { type DayFigures, figuresOf, groupRows } from './day-figures.ts';
import { teamAnalytics } from './team-analytics.ts';
import { teamDayRows } from './team-day-rows.ts';
import { loadHistoryDays } from './worker-history.ts';

// The CSV exports' content, written batch by batch to a sink (the HTTP
// response): each batch is its own short read, so neither memory nor an open
// transaction grows with the size of an export.

export type CsvCell = string | number | null;

export interface CsvSink {
  start(filename: string, header: readonly string[]): Promise<void>;
  row(cells: readonly CsvCell[]): Promise<void>;
}

const FIGURE_COLUMNS = [
  'expected',
  'submitted',
  'compliance_percent',
  'check_ins',
  'average_readiness',
  'green',
  'yellow',
  'red',
  'late',
  'average_submit_time',
] as const;

function figureCells(figures: DayFigures): CsvCell[] {
  return [
    figures.expected,
    figures.submitted,
    figures.compliance,
    figures.checkIns,
    figures.averageReadiness,
    figures.levels.GREEN,
    figures.levels.YELLOW,
    figures.levels.RED,
    figures.late,
    figures.averageSubmitTime,
  ];
}

/** A team's analytics table (at most 90 rows, read by the same service as the screen). */
export async function exportTeamAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  input: { teamId: string; days: 7 | 30 | 90 },
  sink: CsvSink,
): Promise<void> {
  const analytics = await teamAnalytics(deps, actor, input);
  await sink.start(`team-analytics-${analytics.from}-${analytics.to}.csv`, [
    'date',
    ...FIGURE_COLUMNS,
  ]);
  for (const day of analytics.days) await sink.row([day.date, ...figureCells(day)]);
}

/** Teams read per statement in the company export. */
const TEAMS_PER_BATCH = 25;

/** One row per team and day over the period, teams by name, batch by batch. */
export async function exportCompanyAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  input: { days: 7 | 30 | 90 },
  sink: CsvSink,
): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const plan = await withTenant(deps.db, actor.companyId, async (read) => {
    const teamIds = await readableTeamIds(read, actor);
    const clock = await companyClockOf(read, actor, now);
    const teams = await read.team.findMany({
      where: teamIds === null ? {} : { id: { in: teamIds } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, createdAt: true },
    });
    return { ...clock, teams };
  });
  const { today, timeZone } = plan;
  const from = periodStart(today, input.days, null);
  await sink.start(`company-analytics-${from}-${today}.csv`, [
    'date',
    'team_id',
    'team',
    ...FIGURE_COLUMNS,
  ]);
  for (let index = 0; index < plan.teams.length; index += TEAMS_PER_BATCH) {
    const batch = plan.teams.slice(index, index + TEAMS_PER_BATCH);
    const rows = await withTenant(deps.db, actor.companyId, (read) =>
      teamDayRows(sqlOf(read), {
        from,
        to: today,
        now,
        teamIds: batch.map((team) => team.id),
      }),
    );
    const byTeamDay = groupRows(rows, (row) => `${row.team_id} ${row.local_date}`);
    for (const team of batch) {
      const teamFrom = periodStart(today, input.days, firstDayOf(team, timeZone));
      for (const date of datesFrom(teamFrom, today)) {
        const figures = figuresOf(byTeamDay.get(`${team.id} ${date}`) ?? []);
        await sink.row([date, team.id, team.name, ...figureCells(figures)]);
      }
    }
  }
}

/** Days read per statement in the worker history export. */
const DAYS_PER_BATCH = 92;

/** A person's days over any period, oldest first, in batches of days. */
export async function exportWorkerHistory(
  deps: ServiceDeps,
  actor: Actor,
  input: { personId: string; from: string; to: string },
  sink: CsvSink,
): Promise<void> {
  const now = deps.now?.() ?? new Date();
  // Whom the actor may read (a lead: the members of their teams today); their days are then
  // filtered to the actor's teams batch by batch. Checked before the header, so a refusal is clean.
  const start = await withTenant(deps.db, actor.companyId, async (read) => {
    const { today, timeZone } = await companyClockOf(read, actor, now);
    const readable = await readablePersonFilter(read, actor, now);
    const person =
      readable === null && input.personId !== actor.personId
        ? null
        : await read.person.findFirst({
            where: { AND: [readable ?? { id: actor.personId }, { id: input.personId }] },
          });
    return { today, timeZone, person };
  });
  if (!start.person) throw new AppError('NOT_FOUND', 'No person with that id is visible to you.');
  const created = firstDayOf(start.person, start.timeZone);
  const to = earlierDate(input.to, start.today);
  await sink.start(`worker-history-${input.personId}-${input.from}-${to}.csv`, HISTORY_COLUMNS);
  let from = laterDate(input.from, created);
  while (from <= to) {
    const batchTo = earlierDate(addDays(from, DAYS_PER_BATCH - 1), to);
    const days = await withTenant(deps.db, actor.companyId, (read) =>
      loadHistoryDays(read, actor, {
        personId: input.personId,
        from,
        to: batchTo,
        now,
        today: start.today,
      }),
    );
    for (const day of days) await sink.row(historyCells(day));
    from = addDays(batchTo, 1);
  }
}

const HISTORY_COLUMNS = [
  'date',
  'team',
  'status',
  'readiness_score',
  'level',
  'hours_slept',
  'sleep_quality',
  'stress_level',
  'physical_condition',
  'pain_level',
  'pain_location',
  'hours_score',
  'sleep_score',
  'stress_score',
  'physical_score',
  'pain_score',
  'submitted_at',
  'is_late',
  'minutes_late',
  'version',
  'notes',
  'leave_type',
  'excuse_reason',
] as const;

function historyCells(day: Awaited<ReturnType<typeof loadHistoryDays>>[number]): CsvCell[] {
  const checkIn = day.checkIn;
  return [
    day.date,
    day.team?.name ?? null,
    day.status,
    checkIn?.scores.readinessScore ?? null,
    checkIn?.scores.level ?? null,
    checkIn?.inputs?.hoursSlept ?? null,
    checkIn?.inputs?.sleepQuality ?? null,
    checkIn?.inputs?.stressLevel ?? null,
    checkIn?.inputs?.physicalCondition ?? null,
    checkIn?.inputs?.painLevel ?? null,
    checkIn?.inputs?.painLocation ?? null,
    checkIn?.scores.hoursScore ?? null,
    checkIn?.scores.sleepScore ?? null,
    checkIn?.scores.stressScore ?? null,
    checkIn?.scores.physicalScore ?? null,
    checkIn?.scores.painScore ?? null,
    checkIn?.submittedAt ?? null,
    checkIn ? String(checkIn.isLate) : null,
    checkIn?.minutesLate ?? null,
    checkIn?.version ?? null,
    checkIn?.inputs?.notes ?? null,
    day.leave?.type ?? null,
    day.miss?.excuseReason ?? null,
  ];
}
