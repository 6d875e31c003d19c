import {
  type CommandActor,
  type CommandScope,
  type Db,
  executeCommand,
  type NewEvent,
  projectTeamCreated,
  type Team,
} from '@aegira/db';
import { DEFAULT_SCHEDULE } from '@aegira/domain';
import { AuditAction, EventType } from '@aegira/events';

export interface NewTeam {
  id: string;
  name: string;
  description?: string | null;
  leaderId: string;
  supervisorId?: string | null;
  windowStart?: string;
  windowEnd?: string;
  workDays?: number[];
}

export function teamCreatedEvent(team: NewTeam): NewEvent<'TEAM_CREATED'> {
  return {
    type: EventType.TEAM_CREATED,
    entityId: team.id,
    payload: {
      id: team.id,
      name: team.name,
      description: team.description ?? null,
      leaderId: team.leaderId,
      supervisorId: team.supervisorId ?? null,
      windowStart: team.windowStart ?? DEFAULT_SCHEDULE.windowStart,
      windowEnd: team.windowEnd ?? DEFAULT_SCHEDULE.windowEnd,
      workDays: team.workDays ?? [...DEFAULT_SCHEDULE.workDays],
    },
  };
}

/** The team row and its audit entry, for a command that opened with TEAM_CREATED. */
export async function recordTeamCreated(scope: CommandScope<'TEAM_CREATED'>): Promise<Team> {
  const row = await projectTeamCreated(scope.tx, scope.event);
  await scope.audit({
    action: AuditAction.TEAM_CREATED,
    entityType: 'team',
    entityId: row.id,
    details: { name: row.name, leaderId: row.leaderId, supervisorId: row.supervisorId },
  });
  return row;
}

/** TEAM_CREATED, the team row and its audit entry, in one command (no guards: seed and fixtures). */
export async function createTeam(db: Db, actor: CommandActor, team: NewTeam): Promise<void> {
  await executeCommand(db, actor, teamCreatedEvent(team), recordTeamCreated);
}
