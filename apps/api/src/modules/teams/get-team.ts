import { getTeam } from '../../services/teams/team-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { getTeamInput, getTeamOutput } from './team-schemas.ts';

/**
 * One team with its members and today's check-in status, or as it was at `asOf` (members
 * then, with their check-in of that date); NOT_FOUND when not visible to the caller.
 */
export const getTeamProcedure = tenantProcedure
  .input(getTeamInput)
  .output(getTeamOutput)
  .query(({ ctx, input }) => getTeam(ctx.deps, ctx.actor, input));
