import { type Prisma, withTenant } from '@aegira/db';
import { addDays, startOfLocalDate } from '@aegira/domain';
import type { EventPayload } from '@aegira/events';
import type { Actor, ServiceDeps } from '../actor.ts';
import { cursorPage, cursorPageArgs } from '../dated-list.ts';
import { companyTimeZone, readableIncident, requireWhs } from './incident-access.ts';
import {
  INCIDENT_STATUSES,
  type IncidentDto,
  toIncidentDto,
  toIncidentDtos,
} from './incident-dto.ts';

type Reported = EventPayload<'INCIDENT_REPORTED'>;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface IncidentListRequest {
  status?: IncidentStatus | undefined;
  severity?: Reported['severity'] | undefined;
  type?: Reported['type'] | undefined;
  /** The reporter's team when it happened. */
  teamId?: string | undefined;
  /** Local dates of the company (when it happened), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** In the title, description, location or reference (INC-2026-3). */
  search?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface IncidentPage {
  items: IncidentDto[];
  nextCursor: string | null;
  /** The company's time zone, in which every date is shown. */
  timeZone: string;
}

function searchFilter(search: string | undefined): Prisma.IncidentWhereInput {
  const text = search?.trim();
  if (!text) return {};
  const reference = /^INC-(\d{4})-(\d+)$/i.exec(text);
  if (reference) return { year: Number(reference[1]), number: Number(reference[2]) };
  const contains = { contains: text, mode: 'insensitive' as const };
  return { OR: [{ title: contains }, { description: contains }, { location: contains }] };
}

function filtersOf(request: IncidentListRequest, timeZone: string): Prisma.IncidentWhereInput[] {
  return [
    request.severity ? { severity: request.severity } : {},
    request.type ? { type: request.type } : {},
    request.teamId ? { teamId: request.teamId } : {},
    request.from ? { occurredAt: { gte: startOfLocalDate(request.from, timeZone) } } : {},
    request.to ? { occurredAt: { lt: startOfLocalDate(addDays(request.to, 1), timeZone) } } : {},
    searchFilter(request.search),
  ];
}

/**
 * WHS: every report, filtered, newest first by cursor, with the count of each
 * state under the same filters (so the state tabs say how many each holds).
 */
export async function listIncidents(
  deps: ServiceDeps,
  actor: Actor,
  request: IncidentListRequest,
): Promise<IncidentPage & { counts: Record<IncidentStatus, number> }> {
  requireWhs(actor);
  return withTenant(deps.db, actor.companyId, async (read) => {
    const timeZone = await companyTimeZone(read, actor.companyId);
    const filters = filtersOf(request, timeZone);
    const rows = await read.incident.findMany({
      where: { AND: [...filters, request.status ? { status: request.status } : {}] },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      ...cursorPageArgs(request),
    });
    const grouped = await read.incident.groupBy({
      by: ['status'],
      where: { AND: filters },
      _count: { _all: true },
    });
    const counts = Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, 0])) as Record<
      IncidentStatus,
      number
    >;
    for (const group of grouped) counts[group.status] = group._count._all;
    const { page, nextCursor } = cursorPage(rows, request.limit);
    return { items: await toIncidentDtos(read, page), nextCursor, timeZone, counts };
  });
}

/** Anyone: the reports they made, newest first, with their states and cases. */
export async function listMyIncidents(
  deps: ServiceDeps,
  actor: Actor,
  request: { cursor?: string | undefined; limit: number },
): Promise<IncidentPage> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const timeZone = await companyTimeZone(read, actor.companyId);
    const rows = await read.incident.findMany({
      where: { reporterId: actor.personId },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      ...cursorPageArgs(request),
    });
    const { page, nextCursor } = cursorPage(rows, request.limit);
    return { items: await toIncidentDtos(read, page), nextCursor, timeZone };
  });
}

/** One incident: WHS any, anyone else their own report. */
export async function getIncident(
  deps: ServiceDeps,
  actor: Actor,
  incidentId: string,
): Promise<IncidentDto & { timeZone: string }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const incident = await readableIncident(read, actor, incidentId);
    const timeZone = await companyTimeZone(read, actor.companyId);
    return { ...(await toIncidentDto(read, incident)), timeZone };
  });
}
