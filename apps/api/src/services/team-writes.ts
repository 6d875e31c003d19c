import { type CommandActor, type Db, executeCommand, projectTeamCreated } from '@aegira/db';
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

/** TEAM_CREATED, the team row and its audit entry, in one command. */
export async function createTeam(db: Db, actor: CommandActor, team: NewTeam): Promise<void> {
  await executeCommand(
    db,
    actor,
    {
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
    },
    async (scope) => {
      await projectTeamCreated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.TEAM_CREATED,
        entityType: 'team',
        entityId: team.id,
        details: { name: team.name, leaderId: team.leaderId },
      });
    },
  );
}
