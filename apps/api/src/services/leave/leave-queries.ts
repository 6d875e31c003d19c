import { dateColumn, type ReadTx, withTenant } from '@aegira/db';
import { readableLeaveFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyToday } from '../people/person-rules.ts';
import { memberIdsOn } from '../teams/membership.ts';
import { type LeaveDto, type LeaveRow, toLeaveDtos } from './leave-dto.ts';

/** Active (not cancelled) leave of `personIds` covering the local date `date`, by person. */
export async function leavesCovering(
  read: ReadTx,
  personIds: readonly string[],
  date: string,
): Promise<Map<string, LeaveRow>> {
  if (personIds.length === 0) return new Map();
  const day = dateColumn(date);
  const rows = await read.leave.findMany({
    where: {
      personId: { in: [...personIds] },
      cancelledAt: null,
      startDate: { lte: day },
      endDate: { gte: day },
    },
  });
  // Active leave of one person never overlaps (recording refuses it): one per person.
  return new Map(rows.map((row) => [row.personId, row]));
}

export interface ListLeaveRequest {
  personId?: string | undefined;
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeCancelled: boolean;
}

/**
 * Leave the actor may read (access policy), newest start first. `teamId` means
 * the team's members of today; `from`/`to` keep leave that overlaps the range.
 * What is not readable is simply absent.
 */
export async function listLeave(
  deps: ServiceDeps,
  actor: Actor,
  request: ListLeaveRequest,
): Promise<{ items: LeaveDto[] }> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableLeaveFilter(read, actor, now);
    const members = request.teamId
      ? await memberIdsOn(read, [request.teamId], await companyToday(read, actor.companyId, now))
      : null;
    const rows = await read.leave.findMany({
      where: {
        AND: [
          readable,
          request.personId ? { personId: request.personId } : {},
          members ? { personId: { in: members } } : {},
          request.from ? { endDate: { gte: dateColumn(request.from) } } : {},
          request.to ? { startDate: { lte: dateColumn(request.to) } } : {},
          request.includeCancelled ? {} : { cancelledAt: null },
        ],
      },
      orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
    });
    return { items: await toLeaveDtos(read, rows) };
  });
}
