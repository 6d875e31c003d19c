import { type Prisma, withTenant } from '@aegira/db';
import { readableCheckInFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import {
  cursorPage,
  cursorPageArgs,
  type DatedListRequest,
  datedListFilters,
} from '../dated-list.ts';
import { type AlertDto, type AlertState, toAlertDtos } from './alert-dto.ts';

export interface ListAlertsRequest extends DatedListRequest {
  state?: AlertState | undefined;
}

function stateFilter(state: AlertState | undefined): Prisma.ReadinessAlertWhereInput {
  switch (state) {
    case undefined:
      return {};
    case 'open':
      return { firstCountermeasureAt: null };
    case 'handled':
      return { firstCountermeasureAt: { not: null } };
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/**
 * Alerts the actor may read, with their countermeasures: an alert is read by
 * whoever may read its check-in (access policy: a lead their team's, a
 * supervisor their teams', WHS and admins all, a worker their own). Newest
 * first, by cursor (the id of the last item seen).
 */
export async function listAlerts(
  deps: ServiceDeps,
  actor: Actor,
  request: ListAlertsRequest,
): Promise<{ items: AlertDto[]; nextCursor: string | null }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableCheckInFilter(read, actor);
    const rows = await read.readinessAlert.findMany({
      where: {
        AND: [readable, ...datedListFilters(request), stateFilter(request.state)],
      },
      orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
      ...cursorPageArgs(request),
    });
    const { page, nextCursor } = cursorPage(rows, request.limit);
    return { items: await toAlertDtos(read, page), nextCursor };
  });
}
