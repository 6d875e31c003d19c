import { changePersonRole } from '../../services/people/person-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { changeRoleInput, personOutput } from './people-schemas.ts';

/** Not one's own role, not a leader of an active team; takes effect on the person's next request. */
export const changePersonRoleProcedure = roleProcedure('ADMIN')
  .input(changeRoleInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => changePersonRole(ctx.deps, ctx.actor, input));
