import { reactivateTeam } from '../../services/teams/team-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { teamIdInput, teamOutput } from './team-schemas.ts';

/** Reactivates once the name is free and the leader may lead it again; it starts without members. */
export const reactivateTeamProcedure = roleProcedure('ADMIN')
  .input(teamIdInput)
  .output(teamOutput)
  .mutation(({ ctx, input }) => reactivateTeam(ctx.deps, ctx.actor, input));
