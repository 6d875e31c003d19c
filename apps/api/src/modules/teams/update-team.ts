import { updateTeam } from '../../services/teams/team-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { teamOutput, updateTeamInput } from './team-schemas.ts';

/** Changes the given fields under the same rules as create; the event records only what changed. */
export const updateTeamProcedure = roleProcedure('ADMIN')
  .input(updateTeamInput)
  .output(teamOutput)
  .mutation(({ ctx, input }) => {
    const { id, expectedVersion, ...changes } = input;
    return updateTeam(ctx.deps, ctx.actor, { id, changes, expectedVersion });
  });
