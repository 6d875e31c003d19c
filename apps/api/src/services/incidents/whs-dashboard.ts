import { withTenant } from '@aegira/db';
import { startOfLocalDate, toLocalTime } from '@aegira/domain';
import { CASE_STATUSES } from '@aegira/events';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../actor.ts';
import { describeEvents, timelineEntryOutput } from '../cases/incident-timeline.ts';
import { caseSummaryOutput, toCaseSummaries } from '../cases/list-cases.ts';
import { oneByOne } from '../one-by-one.ts';
import { companyTimeZone, requireWhs } from './incident-access.ts';
import { incidentOutput, toIncidentDtos } from './incident-dto.ts';

const SHOWN = 10;

export const whsDashboardOutput = z.object({
  /** Most severe first, then oldest first: what to review next. */
  pending: z.array(incidentOutput),
  pendingCount: z.number().int(),
  /** Open or investigating cases assigned to the caller, oldest first. */
  myOpenCases: z.array(caseSummaryOutput),
  casesByState: z.object({
    OPEN: z.number().int(),
    INVESTIGATING: z.number().int(),
    RESOLVED: z.number().int(),
    CLOSED: z.number().int(),
  }),
  /** Cases resolved since the first of this month, company time. */
  resolvedThisMonth: z.number().int(),
  /** The last incident and case events, newest first. */
  recentActivity: z.array(timelineEntryOutput),
  timeZone: z.string(),
});
export type WhsDashboardDto = z.infer<typeof whsDashboardOutput>;

/** The WHS officer's overview: what waits for review, their cases, the month, the latest changes. */
export async function whsDashboard(deps: ServiceDeps, actor: Actor): Promise<WhsDashboardDto> {
  requireWhs(actor);
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const timeZone = await companyTimeZone(read, actor.companyId);
    const monthStart = startOfLocalDate(
      `${toLocalTime(now, timeZone).date.slice(0, 8)}01`,
      timeZone,
    );
    const [pending, pendingCount, mine, byState, resolvedThisMonth, recent] = await oneByOne(
      // The enum's order is LOW < MEDIUM < HIGH < CRITICAL, so descending puts CRITICAL first.
      () =>
        read.incident.findMany({
          where: { status: 'PENDING' },
          orderBy: [{ severity: 'desc' }, { reportedAt: 'asc' }, { id: 'asc' }],
          take: SHOWN,
        }),
      () => read.incident.count({ where: { status: 'PENDING' } }),
      () =>
        read.case.findMany({
          where: { assigneeId: actor.personId, status: { in: ['OPEN', 'INVESTIGATING'] } },
          orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
          take: SHOWN,
        }),
      () => read.case.groupBy({ by: ['status'], _count: { _all: true } }),
      () => read.case.count({ where: { resolvedAt: { gte: monthStart } } }),
      () =>
        read.event.findMany({
          where: { entityType: { in: ['incident', 'case'] } },
          orderBy: { position: 'desc' },
          take: SHOWN,
        }),
    );
    const casesByState = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<
      (typeof CASE_STATUSES)[number],
      number
    >;
    for (const group of byState) casesByState[group.status] = group._count._all;
    return {
      pending: await toIncidentDtos(read, pending),
      pendingCount,
      myOpenCases: await toCaseSummaries(read, mine),
      casesByState,
      resolvedThisMonth,
      recentActivity: await describeEvents(read, recent, timeZone),
      timeZone,
    };
  });
}
