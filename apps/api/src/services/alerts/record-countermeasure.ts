import { randomUUID } from 'node:crypto';
import { event, executeCommand, type ReadTx } from '@aegira/db';
import { EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { type AlertDto, toAlertDto } from './alert-dto.ts';

export interface RecordCountermeasureRequest {
  alertId: string;
  type: 'LIGHTER_TASK' | 'EXTRA_BREAKS' | 'BUDDY_SYSTEM' | 'SENT_HOME' | 'MONITORED' | 'OTHER';
  note: string;
}

/**
 * Who may act on an alert (product.md "Acting on a RED check-in"): the lead of
 * the alert's team, its supervisor, WHS and admins. The team is the one of the
 * check-in's day; its lead and supervisor are today's, so a new lead can act on
 * an alert still open.
 */
async function requireMayAct(read: ReadTx, actor: Actor, teamId: string): Promise<void> {
  switch (actor.role) {
    case 'ADMIN':
    case 'WHS':
      return;
    case 'TEAM_LEAD':
    case 'SUPERVISOR': {
      const team = await read.team.findUnique({
        where: { id: teamId },
        select: { leaderId: true, supervisorId: true },
      });
      const mine =
        actor.role === 'TEAM_LEAD'
          ? team?.leaderId === actor.personId
          : team?.supervisorId === actor.personId;
      if (mine) return;
      throw new AppError(
        'FORBIDDEN',
        'This alert belongs to a team you do not lead or supervise; its lead, its supervisor, WHS or an admin can record a countermeasure.',
      );
    }
    case 'WORKER':
      throw new AppError(
        'FORBIDDEN',
        "Only the worker's team lead, the team's supervisor, WHS or an admin can record a countermeasure.",
      );
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/**
 * Records what was done about an alert (COUNTERMEASURE_RECORDED): the
 * countermeasure row, and on the alert the first one's time and the count.
 * Several may be recorded (sent home, then monitored the next day). The alert
 * row is locked so that the count stays exact and the escalation job, which
 * locks it too, sees either this countermeasure or none.
 */
export async function recordCountermeasure(
  deps: ServiceDeps,
  actor: Actor,
  request: RecordCountermeasureRequest,
): Promise<AlertDto> {
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const locked = await read.$queryRaw<Array<{ team_id: string; person_id: string }>>`
        SELECT team_id, person_id FROM readiness_alerts WHERE id = ${request.alertId}::uuid
        FOR UPDATE`;
      const alert = locked[0];
      if (!alert)
        throw new AppError('NOT_FOUND', 'No readiness alert with that id in your company.');
      await requireMayAct(read, actor, alert.team_id);
      return [
        event(EventType.COUNTERMEASURE_RECORDED, {
          id: randomUUID(),
          alertId: request.alertId,
          personId: alert.person_id,
          type: request.type,
          note: request.note,
          recordedById: actor.personId,
          recordedAt: now.toISOString(),
        }),
      ];
    },
    async (read) =>
      toAlertDto(
        read,
        await read.readinessAlert.findUniqueOrThrow({ where: { id: request.alertId } }),
      ),
  );
}
