import { randomUUID } from 'node:crypto';
import { type Db, executeCommand, projectTeamUpdated, type Team, withTenant } from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';
import { recordTeamCreated, teamCreatedEvent } from '../team-writes.ts';
import { type TeamDto, toTeamDto } from './team-dto.ts';
import {
  assertLeaderFree,
  assertLeaderRole,
  assertNameFree,
  assertSchedule,
  assertSupervisor,
  conflictFromUniqueViolation,
  lockTeam,
} from './team-guards.ts';

export interface TeamServiceDeps {
  db: Db;
  /** The one clock reading of a request; injectable so tests can move the day. */
  now?: () => Date;
}

export interface CreateTeamRequest {
  name: string;
  description: string | null;
  leaderId: string;
  supervisorId: string | null;
  windowStart: string;
  windowEnd: string;
  workDays: number[];
}

export type TeamChanges = EventPayload<'TEAM_UPDATED'>['changes'];

/** A new active team (TEAM_CREATED + AuditLog), after every rule of product.md "Teams and people". */
export async function createTeam(
  deps: TeamServiceDeps,
  actor: Actor,
  request: CreateTeamRequest,
): Promise<TeamDto> {
  assertSchedule(request);
  const id = randomUUID();
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (tx) => {
        await assertNameFree(tx, request.name);
        await assertLeaderRole(tx, request.leaderId);
        await assertLeaderFree(tx, request.leaderId);
        if (request.supervisorId) await assertSupervisor(tx, request.supervisorId);
        return teamCreatedEvent({ id, ...request });
      },
      async (scope) => toTeamDto(scope.tx, await recordTeamCreated(scope)),
    );
  } catch (error) {
    throw conflictFromUniqueViolation(error) ?? error;
  }
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  const sorted = (days: readonly number[]) => [...days].sort((x, y) => x - y).join(',');
  return sorted(a) === sorted(b);
}

/** The requested fields whose value differs from the row; the event records only these. */
function changedFields(team: Team, requested: TeamChanges): TeamChanges {
  const changes: TeamChanges = {};
  if (requested.name !== undefined && requested.name !== team.name) changes.name = requested.name;
  if (requested.description !== undefined && requested.description !== team.description) {
    changes.description = requested.description;
  }
  if (requested.leaderId !== undefined && requested.leaderId !== team.leaderId) {
    changes.leaderId = requested.leaderId;
  }
  if (requested.supervisorId !== undefined && requested.supervisorId !== team.supervisorId) {
    changes.supervisorId = requested.supervisorId;
  }
  if (requested.windowStart !== undefined && requested.windowStart !== team.windowStart) {
    changes.windowStart = requested.windowStart;
  }
  if (requested.windowEnd !== undefined && requested.windowEnd !== team.windowEnd) {
    changes.windowEnd = requested.windowEnd;
  }
  if (requested.workDays !== undefined && !sameDays(requested.workDays, team.workDays)) {
    changes.workDays = requested.workDays;
  }
  return changes;
}

/**
 * Changes some fields of a team (TEAM_UPDATED with only the changed ones, +
 * AuditLog); a request that changes nothing writes nothing. The uniqueness
 * rules are about active teams, so an inactive team's name and leader are
 * checked again when it is reactivated.
 */
export async function updateTeam(
  deps: TeamServiceDeps,
  actor: Actor,
  request: { id: string; changes: TeamChanges },
): Promise<TeamDto> {
  const update = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (tx) => {
        const team = await lockTeam(tx, request.id, 'update');
        const changes = changedFields(team, request.changes);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        assertSchedule({
          windowStart: changes.windowStart ?? team.windowStart,
          windowEnd: changes.windowEnd ?? team.windowEnd,
          workDays: changes.workDays ?? team.workDays,
        });
        if (changes.name !== undefined && team.isActive) {
          await assertNameFree(tx, changes.name, team.id);
        }
        if (changes.leaderId !== undefined) {
          await assertLeaderRole(tx, changes.leaderId);
          if (team.isActive) await assertLeaderFree(tx, changes.leaderId, team.id);
        }
        if (changes.supervisorId) await assertSupervisor(tx, changes.supervisorId);
        return {
          type: EventType.TEAM_UPDATED,
          entityId: team.id,
          payload: { id: team.id, changes },
        };
      },
      async (scope) => {
        const row = await projectTeamUpdated(scope.tx, scope.event);
        await scope.audit({
          action: AuditAction.TEAM_UPDATED,
          entityType: 'team',
          entityId: row.id,
          details: { changes: scope.event.payload.changes },
        });
        return toTeamDto(scope.tx, row);
      },
    );
  const current = () =>
    withTenant(deps.db, actor.companyId, async (tx) => {
      const team = await tx.team.findUnique({ where: { id: request.id } });
      if (!team) throw new AppError('NOT_FOUND', 'No team with that id exists in your company.');
      return toTeamDto(tx, team);
    });
  try {
    return await orCurrentIfUnchanged(update, current);
  } catch (error) {
    throw conflictFromUniqueViolation(error) ?? error;
  }
}
