import { reactivateTeam } from '../../services/teams/team-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { reactivateTeamInput, teamOutput } from './team-schemas.ts';

/** Reactivates once the name is free and the leader may lead it again; it starts without members. */
export const reactivateTeamProcedure = roleProcedure('ADMIN')
  .input(reactivateTeamInput)
  .output(teamOutput)
  .mutation(({ ctx, input }) => reactivateTeam(ctx.deps, ctx.actor, input));
