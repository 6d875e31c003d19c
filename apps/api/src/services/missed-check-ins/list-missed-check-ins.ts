import { type Prisma, withTenant } from '@aegira/db';
import { readableMissFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import {
  cursorPage,
  cursorPageArgs,
  type DatedListRequest,
  datedListFilters,
} from '../dated-list.ts';
import { type MissDto, type MissState, toMissDtos } from './miss-dto.ts';

export interface ListMissesRequest extends DatedListRequest {
  state?: MissState | undefined;
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
        AND: [readable, ...datedListFilters(request), stateFilter(request.state)],
      },
      orderBy: [{ localDate: 'desc' }, { id: 'desc' }],
      ...cursorPageArgs(request),
    });
    const { page, nextCursor } = cursorPage(rows, request.limit);
    return { items: await toMissDtos(read, page), nextCursor };
  });
}
