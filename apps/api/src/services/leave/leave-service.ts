import { randomUUID } from 'node:crypto';
import { dateColumn, event, executeCommand, localDateOf, type ReadTx } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { AppError, fieldError } from '../../errors/app-error.ts';
import { actingScopeOf, requireActsForPerson } from '../access-policy.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { companyToday, notFound } from '../people/person-rules.ts';
import { fullName } from '../teams/team-dto.ts';
import { type LeaveDto, type LeaveRow, toLeaveDto } from './leave-dto.ts';

export interface RecordLeaveRequest {
  personId: string;
  type: LeaveRow['type'];
  /** Local dates, inclusive; the schema has checked their order and the span. */
  startDate: string;
  endDate: string;
  note: string | null;
}

const typeNames: Record<LeaveRow['type'], string> = {
  ANNUAL: 'annual',
  SICK: 'sick',
  OTHER: 'other',
};

function describe(leave: LeaveRow): string {
  return `${typeNames[leave.type]} leave from ${localDateOf(leave.startDate)} to ${localDateOf(leave.endDate)}`;
}

/**
 * The person, locked until the transaction ends so that two overlapping
 * recordings for them run one after the other and the second sees the first.
 * NO KEY UPDATE leaves their check-ins (which only reference the row) unblocked.
 */
async function lockPersonForLeave(read: ReadTx, personId: string) {
  await read.$queryRaw`SELECT id FROM persons WHERE id = ${personId}::uuid FOR NO KEY UPDATE`;
  const person = await read.person.findUnique({ where: { id: personId } });
  if (!person) throw notFound();
  return person;
}

/**
 * Records leave for a worker (LEAVE_RECORDED + AuditLog): a team lead for the
 * members of the team they lead today, an admin for any worker. Active leave
 * of one person never overlaps.
 */
export async function recordLeave(
  deps: ServiceDeps,
  actor: Actor,
  request: RecordLeaveRequest,
): Promise<LeaveDto> {
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const scope = await actingScopeOf(read, actor, 'record leave');
      const person = await lockPersonForLeave(read, request.personId);
      const name = fullName(person);
      const today = await companyToday(read, actor.companyId, now);
      await requireActsForPerson(read, scope, { id: person.id, name }, today, 'record leave');
      if (person.role !== 'WORKER') {
        throw fieldError('personId', `only a WORKER takes leave; ${name} is a ${person.role}`);
      }
      if (!person.isActive) {
        throw fieldError('personId', `${name} is inactive; reactivate them first`);
      }
      const overlapping = await read.leave.findFirst({
        where: {
          personId: person.id,
          cancelledAt: null,
          startDate: { lte: dateColumn(request.endDate) },
          endDate: { gte: dateColumn(request.startDate) },
        },
        orderBy: { startDate: 'asc' },
      });
      if (overlapping) {
        throw new AppError(
          'LEAVE_OVERLAP',
          `${name} already has ${describe(overlapping)}, which overlaps these dates. Cancel it first or choose other dates.`,
          { reason: 'LEAVE_OVERLAP' },
        );
      }
      const dates = { startDate: request.startDate, endDate: request.endDate };
      return [
        event(
          EventType.LEAVE_RECORDED,
          {
            id,
            personId: person.id,
            type: request.type,
            ...dates,
            note: request.note,
            recordedById: actor.personId,
          },
          // The note can be health data: it stays in the event, not in the audit row.
          {
            action: AuditAction.LEAVE_RECORDED,
            details: { personId: person.id, type: request.type, ...dates },
          },
        ),
      ];
    },
    async (read) => toLeaveDto(read, await read.leave.findUniqueOrThrow({ where: { id } })),
  );
}

/**
 * Cancels leave (LEAVE_CANCELLED + AuditLog), with the same roles and scope as
 * recording it. The row stays, marked cancelled; it no longer excuses anyone.
 */
export async function cancelLeave(
  deps: ServiceDeps,
  actor: Actor,
  request: { leaveId: string },
): Promise<LeaveDto> {
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const scope = await actingScopeOf(read, actor, 'cancel leave');
      // Two cancellations of one leave run one after the other; the second is refused.
      await read.$queryRaw`SELECT id FROM leaves WHERE id = ${request.leaveId}::uuid FOR UPDATE`;
      const leave = await read.leave.findUnique({ where: { id: request.leaveId } });
      if (!leave) throw new AppError('NOT_FOUND', 'No leave with that id in your company.');
      const person = await read.person.findUniqueOrThrow({ where: { id: leave.personId } });
      const today = await companyToday(read, actor.companyId, now);
      await requireActsForPerson(
        read,
        scope,
        { id: person.id, name: fullName(person) },
        today,
        'cancel leave',
      );
      if (leave.cancelledAt) {
        throw new AppError(
          'LEAVE_ALREADY_CANCELLED',
          `This ${describe(leave)} was already cancelled at ${leave.cancelledAt.toISOString()}.`,
          { reason: 'ALREADY_CANCELLED' },
        );
      }
      return [
        event(
          EventType.LEAVE_CANCELLED,
          { id: leave.id, cancelledById: actor.personId, cancelledAt: now.toISOString() },
          {
            action: AuditAction.LEAVE_CANCELLED,
            details: {
              personId: leave.personId,
              type: leave.type,
              startDate: localDateOf(leave.startDate),
              endDate: localDateOf(leave.endDate),
            },
          },
        ),
      ];
    },
    async (read) =>
      toLeaveDto(read, await read.leave.findUniqueOrThrow({ where: { id: request.leaveId } })),
  );
}
