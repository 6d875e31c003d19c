import { listTeams } from '../../services/teams/team-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { listTeamsInput, teamListOutput } from './team-schemas.ts';

/** The teams the caller may see (access policy); workers are refused. */
export const listTeamsProcedure = tenantProcedure
  .input(listTeamsInput)
  .output(teamListOutput)
  .query(({ ctx, input }) => listTeams(ctx.deps, ctx.actor, input));
