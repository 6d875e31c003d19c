import { type DecidedEvent, event, executeCommand, localDateOf } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { assertExpectedVersion } from '../expected-version.ts';
import { applyDueTransfers } from './due-transfers.ts';
import type { TeamDto } from './team-dto.ts';
import {
  assertLeaderFree,
  assertLeaderRole,
  assertNameFree,
  conflictFromUniqueViolation,
  lockTeam,
} from './team-guards.ts';
import { teamDtoAfter } from './team-service.ts';

/**
 * Deactivates a team (TEAM_DEACTIVATED + AuditLog). In the same transaction each
 * member leaves it with a TEAM_MEMBER_UNASSIGNED event of their own, and pending
 * transfers into it are cancelled (TEAM_TRANSFER_CANCELLED). Nothing is deleted.
 */
export async function deactivateTeam(
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; reason: string; expectedVersion?: string | undefined },
): Promise<TeamDto> {
  const now = deps.now?.() ?? new Date();
  // The members are read from the rows below, so a transfer taking effect today
  // must be completed first (commands do this until a scheduler does).
  await applyDueTransfers(deps.db, actor.companyId, now);
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      // Lock order teams → transfers → persons, as every team command takes them.
      const team = await lockTeam(read, request.id, 'update');
      await assertExpectedVersion(request.expectedVersion, team, () =>
        teamDtoAfter(read, actor, team.id, now),
      );
      // Already inactive: nothing is appended, so the version stays as it is (CC-6).
      if (!team.isActive) {
        throw new AppError('ALREADY_INACTIVE', `The team "${team.name}" is already inactive.`);
      }
      const locked = await read.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM team_transfers
        WHERE to_team_id = ${team.id}::uuid AND status = 'PENDING' ORDER BY id FOR UPDATE`;
      const members = await read.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM persons WHERE team_id = ${team.id}::uuid ORDER BY id FOR UPDATE`;
      const incoming = await read.teamTransfer.findMany({
        where: { id: { in: locked.map((row) => row.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      const deactivatedAt = now.toISOString();
      const unassignedPersonIds = members.map((member) => member.id);
      const events: DecidedEvent[] = [
        event(
          EventType.TEAM_DEACTIVATED,
          {
            id: team.id,
            reason: request.reason,
            deactivatedAt,
            deactivatedById: actor.personId,
            unassignedPersonIds,
          },
          {
            action: AuditAction.TEAM_DEACTIVATED,
            details: {
              name: team.name,
              reason: request.reason,
              unassignedPersonIds,
              cancelledTransfers: incoming.map((transfer) => ({
                id: transfer.id,
                personId: transfer.personId,
                effectiveOn: localDateOf(transfer.effectiveOn),
              })),
            },
          },
        ),
        ...unassignedPersonIds.map((personId) =>
          event(EventType.TEAM_MEMBER_UNASSIGNED, {
            personId,
            teamId: team.id,
            reason: 'team_deactivated',
          }),
        ),
        ...incoming.map((transfer) =>
          event(EventType.TEAM_TRANSFER_CANCELLED, {
            transferId: transfer.id,
            personId: transfer.personId,
            fromTeamId: transfer.fromTeamId,
            toTeamId: transfer.toTeamId,
            reason: 'team_deactivated',
            cancelledAt: deactivatedAt,
          }),
        ),
      ];
      return events;
    },
    (read) => teamDtoAfter(read, actor, request.id, now),
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
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; expectedVersion?: string | undefined },
): Promise<TeamDto> {
  const now = deps.now?.() ?? new Date();
  let teamName = '';
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        const team = await lockTeam(read, request.id, 'update');
        await assertExpectedVersion(request.expectedVersion, team, () =>
          teamDtoAfter(read, actor, team.id, now),
        );
        teamName = team.name;
        if (team.isActive) {
          throw new AppError('ALREADY_ACTIVE', `The team "${team.name}" is already active.`);
        }
        try {
          await assertNameFree(read, team.name, team.id);
          await assertLeaderRole(read, team.leaderId);
          await assertLeaderFree(read, team.leaderId, team.id);
        } catch (error) {
          throw refusedReactivation(team.name, error);
        }
        return [
          event(
            EventType.TEAM_REACTIVATED,
            { id: team.id },
            {
              action: AuditAction.TEAM_REACTIVATED,
              details: { name: team.name, leaderId: team.leaderId },
            },
          ),
        ];
      },
      (read) => teamDtoAfter(read, actor, request.id, now),
    );
  } catch (error) {
    const conflict = conflictFromUniqueViolation(error);
    throw conflict ? refusedReactivation(teamName, conflict) : error;
  }
}
