import {
  executeCommand,
  localDateOf,
  projectTeamDeactivated,
  projectTeamMemberUnassigned,
  projectTeamReactivated,
  projectTeamTransferCancelled,
} from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { applyDueTransfers } from './due-transfers.ts';
import { type TeamDto, toTeamDto } from './team-dto.ts';
import {
  assertLeaderFree,
  assertLeaderRole,
  assertNameFree,
  conflictFromUniqueViolation,
  lockTeam,
} from './team-guards.ts';
import type { TeamServiceDeps } from './team-service.ts';

/**
 * Deactivates a team (TEAM_DEACTIVATED + AuditLog). In the same transaction each
 * member leaves it with a TEAM_MEMBER_UNASSIGNED event of their own, and pending
 * transfers into it are cancelled (TEAM_TRANSFER_CANCELLED). Nothing is deleted.
 */
export async function deactivateTeam(
  deps: TeamServiceDeps,
  actor: Actor,
  request: { id: string; reason: string },
): Promise<TeamDto> {
  const now = deps.now?.() ?? new Date();
  // Who is a member today: a transfer taking effect today has already moved them.
  await applyDueTransfers(deps.db, actor.companyId, now);
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      // Lock order teams → transfers → persons, as every team command takes them.
      const team = await lockTeam(tx, request.id, 'update');
      if (!team.isActive) {
        throw new AppError('ALREADY_INACTIVE', `The team "${team.name}" is already inactive.`);
      }
      await tx.$queryRaw`
        SELECT id FROM team_transfers
        WHERE to_team_id = ${team.id}::uuid AND status = 'PENDING' FOR UPDATE`;
      const members = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM persons WHERE team_id = ${team.id}::uuid ORDER BY id FOR UPDATE`;
      return {
        type: EventType.TEAM_DEACTIVATED,
        entityId: team.id,
        payload: {
          id: team.id,
          reason: request.reason,
          deactivatedAt: now.toISOString(),
          deactivatedById: actor.personId,
          unassignedPersonIds: members.map((member) => member.id),
        },
      };
    },
    async (scope) => {
      const { tx, event } = scope;
      const team = await projectTeamDeactivated(tx, event);
      for (const personId of event.payload.unassignedPersonIds) {
        const unassigned = await scope.append({
          type: EventType.TEAM_MEMBER_UNASSIGNED,
          entityId: personId,
          payload: { personId, teamId: team.id, reason: 'team_deactivated' },
        });
        await projectTeamMemberUnassigned(tx, unassigned);
      }
      const incoming = await tx.teamTransfer.findMany({
        where: { toTeamId: team.id, status: 'PENDING' },
        orderBy: { createdAt: 'asc' },
      });
      for (const transfer of incoming) {
        const cancelled = await scope.append({
          type: EventType.TEAM_TRANSFER_CANCELLED,
          entityId: transfer.personId,
          payload: {
            transferId: transfer.id,
            personId: transfer.personId,
            fromTeamId: transfer.fromTeamId,
            toTeamId: transfer.toTeamId,
            reason: 'team_deactivated',
            cancelledAt: event.payload.deactivatedAt,
          },
        });
        await projectTeamTransferCancelled(tx, cancelled);
      }
      await scope.audit({
        action: AuditAction.TEAM_DEACTIVATED,
        entityType: 'team',
        entityId: team.id,
        details: {
          name: team.name,
          reason: event.payload.reason,
          unassignedPersonIds: event.payload.unassignedPersonIds,
          cancelledTransfers: incoming.map((transfer) => ({
            id: transfer.id,
            personId: transfer.personId,
            effectiveOn: localDateOf(transfer.effectiveOn),
          })),
        },
      });
      return toTeamDto(tx, team);
    },
  );
}

/** A guard's refusal, restated for a reactivation (whose input has no such field). */
function refusedReactivation(teamName: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(
    error.code,
    `The team "${teamName}" cannot be reactivated: ${error.message}. Edit the team first, then reactivate it.`,
    { fieldErrors: error.fieldErrors, reason: 'REACTIVATION_REFUSED' },
  );
}

/**
 * Reactivates a team (TEAM_REACTIVATED + AuditLog) once its name and leader keep
 * the rules again: the name free among active teams, the leader still an active
 * TEAM_LEAD who leads no other active team. It comes back without members.
 */
export async function reactivateTeam(
  deps: TeamServiceDeps,
  actor: Actor,
  request: { id: string },
): Promise<TeamDto> {
  let teamName = '';
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (tx) => {
        const team = await lockTeam(tx, request.id, 'update');
        teamName = team.name;
        if (team.isActive) {
          throw new AppError('ALREADY_ACTIVE', `The team "${team.name}" is already active.`);
        }
        try {
          await assertNameFree(tx, team.name, team.id);
          await assertLeaderRole(tx, team.leaderId);
          await assertLeaderFree(tx, team.leaderId, team.id);
        } catch (error) {
          throw refusedReactivation(team.name, error);
        }
        return { type: EventType.TEAM_REACTIVATED, entityId: team.id, payload: { id: team.id } };
      },
      async (scope) => {
        const team = await projectTeamReactivated(scope.tx, scope.event);
        await scope.audit({
          action: AuditAction.TEAM_REACTIVATED,
          entityType: 'team',
          entityId: team.id,
          details: { name: team.name, leaderId: team.leaderId },
        });
        return toTeamDto(scope.tx, team);
      },
    );
  } catch (error) {
    const conflict = conflictFromUniqueViolation(error);
    throw conflict ? refusedReactivation(teamName, conflict) : error;
  }
}
