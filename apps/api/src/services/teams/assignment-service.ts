import { randomUUID } from 'node:crypto';
import { event, executeCommand, localDateOf, uniqueViolationIndex } from '@aegira/db';
import { addDays, toLocalTime } from '@aegira/domain';
import { AuditAction, EventType } from '@aegira/events';
import { AppError, fieldError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { lockPerson } from '../people/person-rules.ts';
import { applyDueTransfers } from './due-transfers.ts';
import { type AssignmentDto, fullName, type TransferDto, toTransferDto } from './team-dto.ts';
import { lockTeam } from './team-guards.ts';

function transferPending(name: string, toTeam: string, effectiveOn: string): AppError {
  return new AppError(
    'PENDING_TRANSFER',
    `${name} already moves to "${toTeam}" on ${effectiveOn}. Cancel that transfer first.`,
    { reason: 'PENDING_TRANSFER' },
  );
}

/**
 * Puts a worker in a team. Without a team they are a member at once
 * (TEAM_MEMBER_ASSIGNED, from today); from another team they move on the
 * company's next local day (TEAM_TRANSFER_INITIATED), cancellable until then.
 */
export async function assignMember(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string; teamId: string },
): Promise<AssignmentDto> {
  const now = deps.now?.() ?? new Date();
  await applyDueTransfers(deps.db, actor.companyId, now);
  const transferId = randomUUID();
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        // Lock order teams → transfers → persons (docs/decisions/005-team-transfers.md).
        const team = await lockTeam(read, request.teamId, 'share', 'teamId');
        if (!team.isActive) {
          throw fieldError('teamId', `the team "${team.name}" is inactive; choose an active team`);
        }
        const person = await lockPerson(read, request.personId);
        const name = fullName(person);
        if (!person.isActive)
          throw fieldError('personId', `${name} is inactive; reactivate them first`);
        if (person.role !== 'WORKER') {
          throw fieldError(
            'personId',
            `only a WORKER belongs to a team; ${name} is a ${person.role}`,
          );
        }
        if (person.teamId === team.id) {
          throw new AppError('ALREADY_IN_TEAM', `${name} is already a member of "${team.name}".`);
        }
        const pending = await read.teamTransfer.findFirst({
          where: { personId: person.id, status: 'PENDING' },
        });
        if (pending) {
          const target = await read.team.findUnique({ where: { id: pending.toTeamId } });
          throw transferPending(
            name,
            target?.name ?? 'another team',
            localDateOf(pending.effectiveOn),
          );
        }
        const company = await read.company.findUniqueOrThrow({ where: { id: actor.companyId } });
        const today = toLocalTime(now, company.timezone).date;
        if (!person.teamId) {
          return [
            event(
              EventType.TEAM_MEMBER_ASSIGNED,
              { personId: person.id, teamId: team.id, effectiveOn: today },
              {
                action: AuditAction.TEAM_MEMBER_ASSIGNED,
                details: { teamId: team.id, effectiveOn: today },
              },
            ),
          ];
        }
        const move = {
          fromTeamId: person.teamId,
          toTeamId: team.id,
          effectiveOn: addDays(today, 1),
        };
        return [
          event(
            EventType.TEAM_TRANSFER_INITIATED,
            { transferId, personId: person.id, ...move },
            { action: AuditAction.TEAM_TRANSFER_INITIATED, details: move },
          ),
        ];
      },
      async (read, [stored]): Promise<AssignmentDto> => {
        if (stored?.type === EventType.TEAM_MEMBER_ASSIGNED) {
          return { outcome: 'assigned', ...stored.payload, transfer: null };
        }
        if (stored?.type !== EventType.TEAM_TRANSFER_INITIATED) {
          throw new Error(`unexpected ${stored?.type ?? 'nothing'} in an assignment`);
        }
        const p = stored.payload;
        const transfer = await read.teamTransfer.findUniqueOrThrow({ where: { id: p.transferId } });
        return {
          outcome: 'transfer_scheduled',
          personId: p.personId,
          teamId: p.toTeamId,
          effectiveOn: p.effectiveOn,
          transfer: await toTransferDto(read, transfer),
        };
      },
    );
  } catch (error) {
    // The person row lock serialises assignments; the index is the last word.
    if (uniqueViolationIndex(error) === 'team_transfers_pending_person_key') {
      throw new AppError('PENDING_TRANSFER', 'This person already has a pending transfer.', {
        reason: 'PENDING_TRANSFER',
      });
    }
    throw error;
  }
}

/**
 * Cancels a person's pending transfer (TEAM_TRANSFER_CANCELLED + AuditLog).
 * Once its day has come the move has taken effect and cannot be cancelled.
 */
export async function cancelTransfer(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string },
): Promise<TransferDto> {
  const now = deps.now?.() ?? new Date();
  // On the effective day the transfer completes here first, and is then refused.
  await applyDueTransfers(deps.db, actor.companyId, now);
  let transferId = '';
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await read.person.findUnique({ where: { id: request.personId } });
      if (!person) throw new AppError('NOT_FOUND', 'No person with that id in your company.');
      // A completion holding this lock commits first; the row then no longer matches.
      const locked = await read.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM team_transfers
        WHERE person_id = ${person.id}::uuid AND status = 'PENDING' FOR UPDATE`;
      const pending = locked[0]
        ? await read.teamTransfer.findUnique({ where: { id: locked[0].id } })
        : null;
      if (!pending) {
        const last = await read.teamTransfer.findFirst({
          where: { personId: person.id },
          orderBy: { createdAt: 'desc' },
        });
        const message =
          last?.status === 'COMPLETED'
            ? `The move of ${fullName(person)} took effect on ${localDateOf(last.effectiveOn)} and can no longer be cancelled; assign them to a team again instead.`
            : `${fullName(person)} has no pending transfer to cancel.`;
        throw new AppError('NO_PENDING_TRANSFER', message);
      }
      transferId = pending.id;
      return [
        event(
          EventType.TEAM_TRANSFER_CANCELLED,
          {
            transferId: pending.id,
            personId: person.id,
            fromTeamId: pending.fromTeamId,
            toTeamId: pending.toTeamId,
            reason: 'cancelled_by_admin',
            cancelledAt: now.toISOString(),
          },
          {
            action: AuditAction.TEAM_TRANSFER_CANCELLED,
            details: {
              transferId: pending.id,
              fromTeamId: pending.fromTeamId,
              toTeamId: pending.toTeamId,
            },
          },
        ),
      ];
    },
    async (read) =>
      toTransferDto(read, await read.teamTransfer.findUniqueOrThrow({ where: { id: transferId } })),
  );
}
