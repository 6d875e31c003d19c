import { randomUUID } from 'node:crypto';
import { event, executeCommand, type ReadTx } from '@aegira/db';
import { companyYear } from '@aegira/domain';
import { type EventPayload, EventType } from '@aegira/events';
import { AppError, fieldError } from '../../errors/app-error.ts';
import { type Actor, commandActor } from '../actor.ts';
import { oneByOne } from '../one-by-one.ts';
import { companyTimeZone } from './incident-access.ts';
import { type IncidentDeps, logOptions } from './incident-deps.ts';
import { type IncidentDto, toIncidentDto } from './incident-dto.ts';
import { nextRecordNumber } from './record-numbers.ts';

type Reported = EventPayload<'INCIDENT_REPORTED'>;

export interface ReportIncidentRequest {
  type: Reported['type'];
  severity: Reported['severity'];
  title: string;
  location: string | null;
  description: string;
  occurredAt: string;
  peopleInvolvedIds: string[];
}

/** The reporter's team when it happened (from person_versions), else their team now. */
async function teamAt(read: ReadTx, personId: string, at: Date): Promise<string | null> {
  const rows = await read.$queryRaw<Array<{ team_id: string | null }>>`
    SELECT team_id FROM app_person_at(${personId}::uuid, ${at}::timestamptz)`;
  const [version] = rows;
  if (version) return version.team_id;
  const person = await read.person.findUnique({
    where: { id: personId },
    select: { teamId: true },
  });
  return person?.teamId ?? null;
}

async function refuseUnknownPeople(read: ReadTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await read.person.count({ where: { id: { in: [...ids] } } });
  if (found !== new Set(ids).size) {
    throw fieldError('peopleInvolvedIds', 'must be people of your company');
  }
}

/**
 * Any role reports an incident (INCIDENT_REPORTED, then the row): numbered
 * INC-<year reported, company time zone>-<next in the company's sequence>. The
 * active WHS officers are named in the event, so they (and a rebuild) are told.
 */
export async function reportIncident(
  deps: IncidentDeps,
  actor: Actor,
  request: ReportIncidentRequest,
): Promise<IncidentDto> {
  const now = deps.now?.() ?? new Date();
  const occurredAt = new Date(request.occurredAt);
  // A minute of slack for a clock a little ahead of the server's.
  if (occurredAt.getTime() > now.getTime() + 60_000) {
    throw fieldError('occurredAt', 'cannot be in the future');
  }
  const id = randomUUID();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      await refuseUnknownPeople(read, request.peopleInvolvedIds);
      const [timeZone, teamId, officers] = await oneByOne(
        () => companyTimeZone(read, actor.companyId),
        () => teamAt(read, actor.personId, occurredAt),
        () =>
          read.person.findMany({
            where: { role: 'WHS', isActive: true, id: { not: actor.personId } },
            select: { id: true },
            orderBy: { id: 'asc' },
          }),
      );
      // Last: the lock is held from here to commit, so it is held as briefly as possible.
      const number = await nextRecordNumber(read, actor.companyId, 'incident');
      return [
        event(EventType.INCIDENT_REPORTED, {
          id,
          number,
          year: companyYear(now, timeZone),
          reporterId: actor.personId,
          teamId,
          type: request.type,
          severity: request.severity,
          title: request.title,
          location: request.location,
          description: request.description,
          occurredAt: occurredAt.toISOString(),
          reportedAt: now.toISOString(),
          peopleInvolvedIds: [...new Set(request.peopleInvolvedIds)],
          whsOfficerIds: officers.map((officer) => officer.id),
        }),
      ];
    },
    async (read) => {
      const row = await read.incident.findUnique({ where: { id } });
      if (!row) throw new AppError('NOT_FOUND', 'The incident was not recorded.');
      return toIncidentDto(read, row);
    },
    logOptions(deps),
  );
}
