import type { Tx } from '@aegira/db';
import type { Actor } from '../trpc/context.ts';

/**
 * The one place that decides what a person may read (product.md "Roles"): first
 * the company (row-level security, from the session), then the role. Handlers and
 * services ask here; none re-implements the rule.
 */
export type TeamScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[] } | { kind: 'self' };

/** Which teams' data the actor may read. */
export async function teamScopeOf(tx: Tx, actor: Actor): Promise<TeamScope> {
  switch (actor.role) {
    case 'ADMIN':
    case 'WHS':
      return { kind: 'all' };
    case 'TEAM_LEAD': {
      const teams = await tx.team.findMany({
        where: { leaderId: actor.personId, isActive: true },
        select: { id: true },
      });
      return { kind: 'teams', teamIds: teams.map((team) => team.id) };
    }
    case 'SUPERVISOR': {
      const teams = await tx.team.findMany({
        where: { supervisorId: actor.personId },
        select: { id: true },
      });
      return { kind: 'teams', teamIds: teams.map((team) => team.id) };
    }
    case 'WORKER':
      return { kind: 'self' };
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/** A Prisma filter for check-in-like rows (personId + teamId) the actor may read. */
export async function readableCheckInFilter(
  tx: Tx,
  actor: Actor,
): Promise<{ personId?: string; OR?: Array<{ personId?: string; teamId?: { in: string[] } }> }> {
  const scope = await teamScopeOf(tx, actor);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'teams':
      // Their own rows too, should a lead or supervisor ever check in.
      return { OR: [{ personId: actor.personId }, { teamId: { in: scope.teamIds } }] };
    case 'self':
      return { personId: actor.personId };
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}
