import { withTenant } from '@aegira/db';
import { addDays, startOfLocalDate, toLocalTime } from '@aegira/domain';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from '@aegira/events';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../actor.ts';
import { oneByOne } from '../one-by-one.ts';
import { companyTimeZone, requireWhs } from './incident-access.ts';

export const ANALYTICS_PERIODS = [7, 30, 90] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

const count = z.number().int();
export const incidentAnalyticsOutput = z.object({
  /** Local dates, inclusive: the last `days` days up to today, company time. */
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string(),
  /** Reports by the day they were reported, in their state now. */
  perDay: z.array(
    z.object({ date: z.iso.date(), PENDING: count, APPROVED: count, REJECTED: count }),
  ),
  byType: z.array(z.object({ type: z.enum(INCIDENT_TYPES), count })),
  bySeverity: z.array(z.object({ severity: z.enum(INCIDENT_SEVERITIES), count })),
  /** By the reporter's team when it happened (not their team now); null: no team. */
  byTeam: z.array(z.object({ teamId: z.uuid().nullable(), teamName: z.string(), count })),
  total: count,
  /** Hours from report to review, of the period's reviewed reports; null when none. */
  averageHoursToReview: z.number().nullable(),
  /** Hours from report to the case's resolution, of the period's resolved cases; null when none. */
  averageHoursToResolve: z.number().nullable(),
  /** Approved of reviewed, 0–1; null when none was reviewed. */
  approvalRate: z.number().nullable(),
});
export type IncidentAnalyticsDto = z.infer<typeof incidentAnalyticsOutput>;

interface DayRow {
  day: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  n: number;
}
interface TimingRow {
  review_hours: number | null;
  resolve_hours: number | null;
  approved: number;
  rejected: number;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** WHS: reports of the last 7, 30 or 90 days by day and state, type, severity and team, and timings. */
export async function incidentAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  request: { days: AnalyticsPeriod },
): Promise<IncidentAnalyticsDto> {
  requireWhs(actor);
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const timeZone = await companyTimeZone(read, actor.companyId);
    const to = toLocalTime(now, timeZone).date;
    const from = addDays(to, -(request.days - 1));
    const start = startOfLocalDate(from, timeZone);
    const end = startOfLocalDate(addDays(to, 1), timeZone);
    const inPeriod = { reportedAt: { gte: start, lt: end } };
    const [days, types, severities, teams, timings] = await oneByOne(
      () => read.$queryRaw<DayRow[]>`
        SELECT (reported_at AT TIME ZONE ${timeZone})::date::text AS day, status::text AS status,
               count(*)::int AS n
        FROM incidents WHERE reported_at >= ${start} AND reported_at < ${end}
        GROUP BY 1, 2`,
      () => read.incident.groupBy({ by: ['type'], where: inPeriod, _count: { _all: true } }),
      () => read.incident.groupBy({ by: ['severity'], where: inPeriod, _count: { _all: true } }),
      () => read.incident.groupBy({ by: ['teamId'], where: inPeriod, _count: { _all: true } }),
      () => read.$queryRaw<TimingRow[]>`
        SELECT avg(extract(epoch FROM i.reviewed_at - i.reported_at) / 3600)::float8 AS review_hours,
               avg(extract(epoch FROM c.resolved_at - i.reported_at) / 3600)::float8 AS resolve_hours,
               count(*) FILTER (WHERE i.status = 'APPROVED')::int AS approved,
               count(*) FILTER (WHERE i.status = 'REJECTED')::int AS rejected
        FROM incidents i LEFT JOIN cases c ON c.incident_id = i.id
        WHERE i.reported_at >= ${start} AND i.reported_at < ${end}`,
    );
    const teamNames = new Map(
      (
        await read.team.findMany({
          where: { id: { in: teams.flatMap((row) => (row.teamId ? [row.teamId] : [])) } },
          select: { id: true, name: true },
        })
      ).map((team) => [team.id, team.name]),
    );
    const perDay = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const of = (status: DayRow['status']) =>
        days.find((row) => row.day === date && row.status === status)?.n ?? 0;
      perDay.push({
        date,
        PENDING: of('PENDING'),
        APPROVED: of('APPROVED'),
        REJECTED: of('REJECTED'),
      });
    }
    const timing = timings[0];
    const reviewed = (timing?.approved ?? 0) + (timing?.rejected ?? 0);
    return {
      from,
      to,
      timeZone,
      perDay,
      byType: INCIDENT_TYPES.map((type) => ({
        type,
        count: types.find((row) => row.type === type)?._count._all ?? 0,
      })),
      bySeverity: INCIDENT_SEVERITIES.map((severity) => ({
        severity,
        count: severities.find((row) => row.severity === severity)?._count._all ?? 0,
      })),
      byTeam: teams
        .map((row) => ({
          teamId: row.teamId,
          teamName: row.teamId ? (teamNames.get(row.teamId) ?? 'Unknown team') : 'No team',
          count: row._count._all,
        }))
        .sort((a, b) => b.count - a.count || a.teamName.localeCompare(b.teamName)),
      total: perDay.reduce((sum, day) => sum + day.PENDING + day.APPROVED + day.REJECTED, 0),
      averageHoursToReview: round1(timing?.review_hours ?? null),
      averageHoursToResolve: round1(timing?.resolve_hours ?? null),
      approvalRate: reviewed === 0 ? null : (timing?.approved ?? 0) / reviewed,
    };
  });
}
