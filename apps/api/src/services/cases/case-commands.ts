import { randomUUID } from 'node:crypto';
import {
  type Case,
  type DecidedEvent,
  event,
  executeCommand,
  type ReadTx,
  sealedFor,
} from '@aegira/db';
import { refuseCaseTransition } from '@aegira/domain';
import { EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor } from '../actor.ts';
import { requireActiveOfficer, requireWhs } from '../incidents/incident-access.ts';
import { type IncidentDeps, logOptions } from '../incidents/incident-deps.ts';
import { caseReference, incidentReference } from '../incidents/incident-dto.ts';
import { type CaseDetailDto, readCaseDetail } from './case-detail.ts';

function caseNotFound(): AppError {
  return new AppError('NOT_FOUND', 'No case with that id in your company.');
}

/** Locks the case row: concurrent transitions, reassignments and notes take turns. */
async function lockCase(read: ReadTx, caseId: string): Promise<Case> {
  await read.$queryRaw`SELECT id FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`;
  const found = await read.case.findUnique({ where: { id: caseId } });
  if (!found) throw caseNotFound();
  return found;
}

function caseAfter(deps: IncidentDeps, actor: Actor, caseId: string) {
  return (read: ReadTx): Promise<CaseDetailDto> =>
    readCaseDetail(read, actor, caseId, deps.now?.() ?? new Date());
}

/**
 * Every case command: a WHS officer acts, the case is locked, `decide` picks the events,
 * and the case's detail is read back in the same transaction.
 */
function caseCommand(
  deps: IncidentDeps,
  actor: Actor,
  caseId: string,
  decide: (current: Case, read: ReadTx, now: Date) => Promise<DecidedEvent[]>,
): Promise<CaseDetailDto> {
  requireWhs(actor);
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => decide(await lockCase(read, caseId), read, now),
    caseAfter(deps, actor, caseId),
    logOptions(deps),
  );
}

export interface TransitionCaseRequest {
  caseId: string;
  to: Case['status'];
  reason?: string | null | undefined;
  resolutionSummary?: string | null | undefined;
}

/**
 * Moves a case along its workflow (CASE_STATUS_CHANGED, with who and when): the
 * allowed moves are packages/domain's; a reopening needs a reason, a resolution a summary.
 */
export async function transitionCase(
  deps: IncidentDeps,
  actor: Actor,
  request: TransitionCaseRequest,
): Promise<CaseDetailDto> {
  return caseCommand(deps, actor, request.caseId, async (current, read, now) => {
    const refusal = refuseCaseTransition(current.status, request.to, request);
    if (refusal?.code === 'INVALID_TRANSITION') {
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', refusal.message);
    }
    if (refusal) {
      throw new AppError('VALIDATION_FAILED', `${refusal.field}: ${refusal.message}`, {
        fieldErrors: { [refusal.field]: [refusal.message] },
      });
    }
    const incident = await read.incident.findUniqueOrThrow({
      where: { id: current.incidentId },
    });
    return [
      event(EventType.CASE_STATUS_CHANGED, {
        id: current.id,
        from: current.status,
        to: request.to,
        changedById: actor.personId,
        changedAt: now.toISOString(),
        incidentReference: incidentReference(incident),
        reporterId: incident.reporterId,
        reason: request.reason?.trim() || null,
        resolutionSummary:
          request.to === 'RESOLVED' ? (request.resolutionSummary?.trim() ?? null) : null,
      }),
    ];
  });
}

/** Hands a case to another active WHS officer (CASE_REASSIGNED); a closed case stays as it is. */
export async function reassignCase(
  deps: IncidentDeps,
  actor: Actor,
  request: { caseId: string; assigneeId: string },
): Promise<CaseDetailDto> {
  return caseCommand(deps, actor, request.caseId, async (current, read, now) => {
    if (current.status === 'CLOSED') {
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', 'A closed case cannot be reassigned.');
    }
    if (current.assigneeId === request.assigneeId) {
      const message = 'is already assigned this case';
      throw new AppError('VALIDATION_FAILED', `assigneeId: ${message}`, {
        fieldErrors: { assigneeId: [message] },
      });
    }
    await requireActiveOfficer(read, request.assigneeId, 'assigneeId');
    return [
      event(EventType.CASE_REASSIGNED, {
        id: current.id,
        reference: caseReference(current),
        fromId: current.assigneeId,
        toId: request.assigneeId,
        reassignedById: actor.personId,
        reassignedAt: now.toISOString(),
      }),
    ];
  });
}

/** Adds a note to the case's thread (CASE_NOTE_ADDED, one event per note, never overwritten). */
export async function addCaseNote(
  deps: IncidentDeps,
  actor: Actor,
  request: { caseId: string; text: string },
): Promise<CaseDetailDto> {
  return caseCommand(deps, actor, request.caseId, async (current, read, now) => {
    if (current.status === 'CLOSED') {
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', 'A closed case takes no more notes.');
    }
    const incident = await read.incident.findUniqueOrThrow({
      where: { id: current.incidentId },
      select: { reporterId: true },
    });
    return [
      // A note is about the incident's reporter: sealed with their key (decision 039).
      sealedFor(
        incident.reporterId,
        event(EventType.CASE_NOTE_ADDED, {
          id: current.id,
          noteId: randomUUID(),
          authorId: actor.personId,
          text: request.text,
          addedAt: now.toISOString(),
        }),
      ),
    ];
  });
}
