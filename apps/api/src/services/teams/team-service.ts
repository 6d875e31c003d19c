import { randomUUID } from 'node:crypto';
import { event, executeCommand, type ReadTx, type Team, withTenant } from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { assertExpectedVersion } from '../expected-version.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';
import { companyToday } from '../people/person-rules.ts';
import { teamCreatedEvent } from '../team-writes.ts';
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

/** The team as its DTO, member count as of the request's day; read after a command's writes. */
export async function teamDtoAfter(
  read: ReadTx,
  actor: Actor,
  teamId: string,
  now: Date,
): Promise<TeamDto> {
  const team = await read.team.findUniqueOrThrow({ where: { id: teamId } });
  return toTeamDto(read, team, await companyToday(read, actor.companyId, now));
}

/** A new active team (TEAM_CREATED + AuditLog), after every rule of product.md "Teams and people". */
export async function createTeam(
  deps: ServiceDeps,
  actor: Actor,
  request: CreateTeamRequest,
): Promise<TeamDto> {
  const now = deps.now?.() ?? new Date();
  assertSchedule(request);
  const id = randomUUID();
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        await assertNameFree(read, request.name);
        await assertLeaderRole(read, request.leaderId);
        await assertLeaderFree(read, request.leaderId);
        if (request.supervisorId) await assertSupervisor(read, request.supervisorId);
        return [teamCreatedEvent({ id, ...request })];
      },
      (read) => teamDtoAfter(read, actor, id, now),
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
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; changes: TeamChanges; expectedVersion?: string | undefined },
): Promise<TeamDto> {
  const now = deps.now?.() ?? new Date();
  const update = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        const team = await lockTeam(read, request.id, 'update');
        await assertExpectedVersion(request.expectedVersion, team, () =>
          teamDtoAfter(read, actor, team.id, now),
        );
        const changes = changedFields(team, request.changes);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        assertSchedule({
          windowStart: changes.windowStart ?? team.windowStart,
          windowEnd: changes.windowEnd ?? team.windowEnd,
          workDays: changes.workDays ?? team.workDays,
        });
        if (changes.name !== undefined && team.isActive) {
          await assertNameFree(read, changes.name, team.id);
        }
        if (changes.leaderId !== undefined) {
          await assertLeaderRole(read, changes.leaderId);
          if (team.isActive) await assertLeaderFree(read, changes.leaderId, team.id);
        }
        if (changes.supervisorId) await assertSupervisor(read, changes.supervisorId);
        return [
          event(
            EventType.TEAM_UPDATED,
            { id: team.id, changes },
            { action: AuditAction.TEAM_UPDATED, details: { changes } },
          ),
        ];
      },
      (read) => teamDtoAfter(read, actor, request.id, now),
    );
  const current = () =>
    withTenant(deps.db, actor.companyId, async (read) => {
      const team = await read.team.findUnique({ where: { id: request.id } });
      if (!team) throw new AppError('NOT_FOUND', 'No team with that id exists in your company.');
      return toTeamDto(read, team, await companyToday(read, actor.companyId, now));
    });
  try {
    return await orCurrentIfUnchanged(update, current);
  } catch (error) {
    throw conflictFromUniqueViolation(error) ?? error;
  }
}
