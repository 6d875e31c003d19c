import { type Case, type ReadTx, withTenant } from '@aegira/db';
import { CASE_STATUSES, INCIDENT_SEVERITIES } from '@aegira/events';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../actor.ts';
import { cursorPage, cursorPageArgs } from '../dated-list.ts';
import { requireWhs } from '../incidents/incident-access.ts';
import { caseReference, incidentReference } from '../incidents/incident-dto.ts';
import { oneByOne } from '../one-by-one.ts';
import { fullName } from '../teams/team-dto.ts';

type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseSummaryOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  assignee: z.object({ id: z.uuid(), name: z.string() }),
  openedAt: z.iso.datetime(),
  incidentId: z.uuid(),
  incidentReference: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  title: z.string().nullable(), // null once the reporter's data was erased (decision 039)
});
export type CaseSummaryDto = z.infer<typeof caseSummaryOutput>;

/** WHS: cases, newest first, by state and optionally only the caller's. */
export async function listCases(
  deps: ServiceDeps,
  actor: Actor,
  request: {
    status?: CaseStatus | undefined;
    mine?: boolean | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: CaseSummaryDto[]; nextCursor: string | null }> {
  requireWhs(actor);
  return withTenant(deps.db, actor.companyId, async (read) => {
    const rows = await read.case.findMany({
      where: {
        ...(request.status ? { status: request.status } : {}),
        ...(request.mine ? { assigneeId: actor.personId } : {}),
      },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      ...cursorPageArgs(request),
    });
    const { page, nextCursor } = cursorPage(rows, request.limit);
    return { items: await toCaseSummaries(read, page), nextCursor };
  });
}

/** Case rows with their incidents' reference, severity and title, and the assignee's name. */
export async function toCaseSummaries(
  read: ReadTx,
  page: readonly Case[],
): Promise<CaseSummaryDto[]> {
  const [incidents, people] = await oneByOne(
    () => read.incident.findMany({ where: { id: { in: page.map((row) => row.incidentId) } } }),
    () =>
      read.person.findMany({
        where: { id: { in: page.map((row) => row.assigneeId) } },
        select: { id: true, firstName: true, lastName: true },
      }),
  );
  const incidentOf = new Map(incidents.map((incident) => [incident.id, incident]));
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  return page.flatMap((row) => {
    const incident = incidentOf.get(row.incidentId);
    if (!incident) return [];
    return [
      {
        id: row.id,
        reference: caseReference(row),
        status: row.status,
        assignee: { id: row.assigneeId, name: names.get(row.assigneeId) ?? 'Unknown person' },
        openedAt: row.openedAt.toISOString(),
        incidentId: incident.id,
        incidentReference: incidentReference(incident),
        severity: incident.severity,
        title: incident.title,
      },
    ];
  });
}
/** WHS: the active WHS officers a report or case can be assigned to. */
export async function listOfficers(
  deps: ServiceDeps,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  requireWhs(actor);
  return withTenant(deps.db, actor.companyId, async (read) => {
    const officers = await read.person.findMany({
      where: { role: 'WHS', isActive: true },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    });
    return officers.map((officer) => ({ id: officer.id, name: fullName(officer) }));
  });
}
