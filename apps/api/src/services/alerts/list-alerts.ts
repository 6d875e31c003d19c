import { dateColumn, type Prisma, withTenant } from '@aegira/db';
import { readableCheckInFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type AlertDto, type AlertState, toAlertDtos } from './alert-dto.ts';

export interface ListAlertsRequest {
  personId?: string | undefined;
  /** The team of the check-in's day. */
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  state?: AlertState | undefined;
  cursor?: string | undefined;
  limit: number;
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
        AND: [
          readable,
          request.personId ? { personId: request.personId } : {},
          request.teamId ? { teamId: request.teamId } : {},
          request.from ? { localDate: { gte: dateColumn(request.from) } } : {},
          request.to ? { localDate: { lte: dateColumn(request.to) } } : {},
          stateFilter(request.state),
        ],
      },
      orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    return {
      items: await toAlertDtos(read, page),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
