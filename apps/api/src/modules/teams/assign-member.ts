import { assignMember } from '../../services/teams/assignment-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { assignMemberInput, assignmentOutput } from './team-schemas.ts';

/** A worker without a team joins at once; from another team they move on the next local day. */
export const assignMemberProcedure = roleProcedure('ADMIN')
  .input(assignMemberInput)
  .output(assignmentOutput)
  .mutation(({ ctx, input }) => assignMember(ctx.deps, ctx.actor, input));
