import { type CommandActor, type Db, type DecidedEvent, event, executeCommand } from '@aegira/db';
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

/**
 * TEAM_CREATED with its audit note, what a decide step that creates a team
 * returns; the fields left out take the product's default schedule.
 */
export function teamCreatedEvent(team: NewTeam): DecidedEvent {
  const payload = {
    id: team.id,
    name: team.name,
    description: team.description ?? null,
    leaderId: team.leaderId,
    supervisorId: team.supervisorId ?? null,
    windowStart: team.windowStart ?? DEFAULT_SCHEDULE.windowStart,
    windowEnd: team.windowEnd ?? DEFAULT_SCHEDULE.windowEnd,
    workDays: team.workDays ?? [...DEFAULT_SCHEDULE.workDays],
  };
  return event(EventType.TEAM_CREATED, payload, {
    action: AuditAction.TEAM_CREATED,
    details: { name: payload.name, leaderId: payload.leaderId, supervisorId: payload.supervisorId },
  });
}

/**
 * A team in a command of its own, without the service's guards (seed and
 * fixtures); the database's unique indexes still refuse a taken name or leader.
 */
export async function createTeam(db: Db, actor: CommandActor, team: NewTeam): Promise<void> {
  await executeCommand(db, actor, async () => [teamCreatedEvent(team)]);
}
