import { dateColumn, type Prisma, withTenant } from '@aegira/db';
import { readableMissFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type MissDto, type MissState, toMissDtos } from './miss-dto.ts';

export interface ListMissesRequest {
  personId?: string | undefined;
  /** The team of the missed day. */
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  state?: MissState | undefined;
  cursor?: string | undefined;
  limit: number;
}

function stateFilter(state: MissState | undefined): Prisma.MissedCheckInWhereInput {
  switch (state) {
    case undefined:
      return {};
    case 'open':
      return { resolvedAt: null, excusedAt: null };
    case 'resolved':
      return { resolvedAt: { not: null } };
    case 'excused':
      return { excusedAt: { not: null } };
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/**
 * Misses the actor may read (access policy: a lead their team's, a supervisor
 * their teams', WHS and admins all, a worker their own), newest local date
 * first, by cursor (the id of the last item seen). What is not readable is
 * simply absent.
 */
export async function listMissedCheckIns(
  deps: ServiceDeps,
  actor: Actor,
  request: ListMissesRequest,
): Promise<{ items: MissDto[]; nextCursor: string | null }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableMissFilter(read, actor);
    const rows = await read.missedCheckIn.findMany({
      where: {
        AND: [
          readable,
          request.personId ? { personId: request.personId } : {},
          request.teamId ? { teamId: request.teamId } : {},
          request.from ? { localDate: { gte: dateColumn(request.from) } } : {},
          request.to ? { localDate: { lte: dateColumn(request.to) } } : {},
          stateFilter(request.state),
        ],
      },
      orderBy: [{ localDate: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    return {
      items: await toMissDtos(read, page),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
