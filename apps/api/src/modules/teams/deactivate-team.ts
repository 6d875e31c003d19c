import { deactivateTeam } from '../../services/teams/team-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { deactivateTeamInput, teamOutput } from './team-schemas.ts';

/** Deactivates with a reason; its members are unassigned and transfers into it cancelled, at once. */
export const deactivateTeamProcedure = roleProcedure('ADMIN')
  .input(deactivateTeamInput)
  .output(teamOutput)
  .mutation(({ ctx, input }) => deactivateTeam(ctx.deps, ctx.actor, input));
