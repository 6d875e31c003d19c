import { getTeam } from '../../services/teams/team-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { teamDetailOutput, teamIdInput } from './team-schemas.ts';

/** One team with its members and today's check-in status; NOT_FOUND when not visible to the caller. */
export const getTeamProcedure = tenantProcedure
  .input(teamIdInput)
  .output(teamDetailOutput)
  .query(({ ctx, input }) => getTeam(ctx.deps, ctx.actor, input));
