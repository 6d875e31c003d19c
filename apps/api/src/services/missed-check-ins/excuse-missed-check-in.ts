import { event, executeCommand, localDateOf, sealedFor } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { actingScopeOf, requireActsForTeam } from '../access-policy.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { type MissDto, toMissDto } from './miss-dto.ts';

/**
 * Excuses an open miss with a reason (MISSED_CHECK_IN_EXCUSED + AuditLog): the
 * lead of the miss's team (the team of that day) or an admin. The miss stays,
 * now excused. A miss has one outcome: the row is locked, so a late check-in
 * resolving it at the same moment waits and then finds it excused (or this
 * waits and finds it resolved); the database's CHECK refuses both anyway.
 */
export async function excuseMissedCheckIn(
  deps: ServiceDeps,
  actor: Actor,
  request: { missId: string; reason: string },
): Promise<MissDto> {
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const scope = await actingScopeOf(read, actor, 'excuse a missed check-in');
      await read.$queryRaw`
        SELECT id FROM missed_check_ins WHERE id = ${request.missId}::uuid FOR UPDATE`;
      const miss = await read.missedCheckIn.findUnique({ where: { id: request.missId } });
      if (!miss)
        throw new AppError('NOT_FOUND', 'No missed check-in with that id in your company.');
      requireActsForTeam(scope, miss.teamId, 'excuse this missed check-in');
      const day = localDateOf(miss.localDate);
      if (miss.resolvedAt) {
        throw new AppError(
          'MISS_NOT_OPEN',
          `The missed check-in of ${day} was already resolved by a late check-in at ${miss.resolvedAt.toISOString()}; only an open miss can be excused.`,
          { reason: 'RESOLVED' },
        );
      }
      if (miss.excusedAt) {
        throw new AppError(
          'MISS_NOT_OPEN',
          `The missed check-in of ${day} was already excused at ${miss.excusedAt.toISOString()}; only an open miss can be excused.`,
          { reason: 'EXCUSED' },
        );
      }
      return [
        sealedFor(
          miss.personId,
          event(
            EventType.MISSED_CHECK_IN_EXCUSED,
            {
              id: miss.id,
              excusedById: actor.personId,
              reason: request.reason,
              excusedAt: now.toISOString(),
            },
            // The reason can be health data: it stays in the event.
            {
              action: AuditAction.MISSED_CHECK_IN_EXCUSED,
              details: { personId: miss.personId, teamId: miss.teamId, localDate: day },
            },
          ),
        ),
      ];
    },
    async (read) =>
      toMissDto(
        read,
        await read.missedCheckIn.findUniqueOrThrow({ where: { id: request.missId } }),
      ),
  );
}
