import { createTeam } from '../../services/teams/team-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { createTeamInput, teamOutput } from './team-schemas.ts';

/**
 * A new team: name unique among active teams (CONFLICT on `name`), a leader who
 * is an active TEAM_LEAD leading no other active team, an optional supervisor,
 * a window with its end after its start, and work days.
 */
export const createTeamProcedure = roleProcedure('ADMIN')
  .input(createTeamInput)
  .output(teamOutput)
  .mutation(({ ctx, input }) => createTeam(ctx.deps, ctx.actor, input));
