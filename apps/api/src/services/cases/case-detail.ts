import { type Case, type ReadTx, withTenant } from '@aegira/db';
import { nextCaseStates } from '@aegira/domain';
import { CASE_STATUSES } from '@aegira/events';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyTimeZone, requireWhs } from '../incidents/incident-access.ts';
import { caseReference, incidentOutput, toIncidentDto } from '../incidents/incident-dto.ts';
import { oneByOne } from '../one-by-one.ts';
import { fullName } from '../teams/team-dto.ts';
import { incidentTimeline, timelineEntryOutput } from './incident-timeline.ts';
import { readinessContext, readinessContextOutput } from './readiness-context.ts';

const caseStatus = z.enum(CASE_STATUSES);
const personRef = z.object({ id: z.uuid(), name: z.string() });

export const caseNoteOutput = z.object({
  id: z.uuid(),
  author: personRef,
  text: z.string().nullable(), // null once the reporter's data was erased (decision 039)
  addedAt: z.iso.datetime(),
});

/** A case as a WHS officer works it: the incident, thread, readiness context and timeline. */
export const caseDetailOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: caseStatus,
  /** Where the workflow lets it go next. */
  nextStatuses: z.array(caseStatus),
  assignee: personRef,
  openedBy: personRef,
  openedAt: z.iso.datetime(),
  resolutionSummary: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  incident: incidentOutput,
  /** Oldest first. */
  notes: z.array(caseNoteOutput),
  readiness: readinessContextOutput,
  timeline: z.array(timelineEntryOutput),
  /** The company's time zone, in which every date is shown. */
  timeZone: z.string(),
});
export type CaseDetailDto = z.infer<typeof caseDetailOutput>;

async function names(
  read: ReadTx,
  ids: readonly string[],
): Promise<(id: string) => { id: string; name: string }> {
  const people = await read.person.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const byId = new Map(people.map((person) => [person.id, fullName(person)]));
  return (id) => ({ id, name: byId.get(id) ?? 'Unknown person' });
}

/** The case detail (WHS only), read inside any transaction: a query's or a command's `then`. */
export async function readCaseDetail(
  read: ReadTx,
  actor: Actor,
  caseId: string,
  _now: Date,
): Promise<CaseDetailDto> {
  requireWhs(actor);
  const row: Case | null = await read.case.findUnique({ where: { id: caseId } });
  if (!row) throw new AppError('NOT_FOUND', 'No case with that id in your company.');
  const [incidentRow, notes, timeZone] = await oneByOne(
    () => read.incident.findUniqueOrThrow({ where: { id: row.incidentId } }),
    () =>
      read.caseNote.findMany({
        where: { caseId },
        orderBy: [{ addedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      }),
    () => companyTimeZone(read, actor.companyId),
  );
  const person = await names(read, [
    row.assigneeId,
    row.openedById,
    ...notes.map((note) => note.authorId),
  ]);
  const [incident, readiness, timeline] = await oneByOne(
    () => toIncidentDto(read, incidentRow),
    () => readinessContext(read, incidentRow, timeZone),
    () => incidentTimeline(read, incidentRow.id, row.id, timeZone),
  );
  return {
    id: row.id,
    reference: caseReference(row),
    status: row.status,
    nextStatuses: [...nextCaseStates(row.status)],
    assignee: person(row.assigneeId),
    openedBy: person(row.openedById),
    openedAt: row.openedAt.toISOString(),
    resolutionSummary: row.resolutionSummary,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    incident,
    notes: notes.map((note) => ({
      id: note.id,
      author: person(note.authorId),
      text: note.text,
      addedAt: note.addedAt.toISOString(),
    })),
    readiness,
    timeline,
    timeZone,
  };
}

export async function getCase(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
): Promise<CaseDetailDto> {
  requireWhs(actor);
  return withTenant(deps.db, actor.companyId, (read) =>
    readCaseDetail(read, actor, caseId, deps.now?.() ?? new Date()),
  );
}
