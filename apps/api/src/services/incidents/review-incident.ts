import { randomUUID } from 'node:crypto';
import { event, executeCommand, type Incident, type ReadTx } from '@aegira/db';
import { companyYear } from '@aegira/domain';
import { type EventPayload, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor } from '../actor.ts';
import {
  companyTimeZone,
  incidentNotFound,
  requireActiveOfficer,
  requireWhs,
} from './incident-access.ts';
import { type IncidentDeps, logOptions } from './incident-deps.ts';
import { type IncidentDto, incidentReference, toIncidentDto } from './incident-dto.ts';
import { nextRecordNumber } from './record-numbers.ts';

/**
 * Locks the incident row for the review, so two officers reviewing at once take
 * turns: the second finds it reviewed (ALREADY_REVIEWED, a CONFLICT). A WHS officer
 * never reviews their own report.
 */
async function lockPending(read: ReadTx, actor: Actor, incidentId: string): Promise<Incident> {
  await read.$queryRaw`SELECT id FROM incidents WHERE id = ${incidentId}::uuid FOR UPDATE`;
  const incident = await read.incident.findUnique({ where: { id: incidentId } });
  if (!incident) throw incidentNotFound();
  if (incident.reporterId === actor.personId) {
    throw new AppError(
      'SELF_ACTION_FORBIDDEN',
      'You reported this incident; another WHS officer must review it.',
    );
  }
  if (incident.status !== 'PENDING') {
    throw new AppError(
      'ALREADY_REVIEWED',
      `${incidentReference(incident)} was already ${incident.status.toLowerCase()}; a reviewed report cannot be reviewed again.`,
    );
  }
  return incident;
}

function incidentAfter(incidentId: string) {
  return async (read: ReadTx): Promise<IncidentDto> =>
    toIncidentDto(read, await read.incident.findUniqueOrThrow({ where: { id: incidentId } }));
}

/**
 * Approves a pending report (INCIDENT_APPROVED) and opens its case (CASE_OPENED),
 * numbered CASE-<year>-<n>, assigned to the approving officer unless another
 * active WHS officer is chosen.
 */
export async function approveIncident(
  deps: IncidentDeps,
  actor: Actor,
  request: { incidentId: string; assigneeId?: string | undefined },
): Promise<IncidentDto> {
  requireWhs(actor);
  const now = deps.now?.() ?? new Date();
  const assigneeId = request.assigneeId ?? actor.personId;
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const incident = await lockPending(read, actor, request.incidentId);
      // Through an API token the actor is the issuing admin (decision 008), not a WHS
      // officer, so the case needs an officer named explicitly and checked like any other.
      if (assigneeId !== actor.personId || actor.tokenId !== null) {
        await requireActiveOfficer(read, assigneeId, 'assigneeId');
      }
      const timeZone = await companyTimeZone(read, actor.companyId);
      const number = await nextRecordNumber(read, actor.companyId, 'case');
      const caseId = randomUUID();
      const at = now.toISOString();
      return [
        event(EventType.INCIDENT_APPROVED, {
          id: incident.id,
          reference: incidentReference(incident),
          reporterId: incident.reporterId,
          caseId,
          reviewedById: actor.personId,
          reviewedAt: at,
        }),
        event(EventType.CASE_OPENED, {
          id: caseId,
          number,
          year: companyYear(now, timeZone),
          incidentId: incident.id,
          assigneeId,
          openedById: actor.personId,
          openedAt: at,
        }),
      ];
    },
    incidentAfter(request.incidentId),
    logOptions(deps),
  );
}

/** Rejects a pending report (INCIDENT_REJECTED) with a reason from the list and an explanation. */
export async function rejectIncident(
  deps: IncidentDeps,
  actor: Actor,
  request: {
    incidentId: string;
    reason: EventPayload<'INCIDENT_REJECTED'>['reason'];
    explanation: string;
  },
): Promise<IncidentDto> {
  requireWhs(actor);
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const incident = await lockPending(read, actor, request.incidentId);
      return [
        event(EventType.INCIDENT_REJECTED, {
          id: incident.id,
          reference: incidentReference(incident),
          reporterId: incident.reporterId,
          reason: request.reason,
          explanation: request.explanation,
          reviewedById: actor.personId,
          reviewedAt: now.toISOString(),
        }),
      ];
    },
    incidentAfter(request.incidentId),
    logOptions(deps),
  );
}
