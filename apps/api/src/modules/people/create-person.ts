import { createPersonAsAdmin } from '../../services/people/people-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { createPersonInput, personOutput } from './people-schemas.ts';

/** An admin adds a person; a WORKER joins an active team at once, other roles have none. */
export const createPersonProcedure = roleProcedure('ADMIN')
  .input(createPersonInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => createPersonAsAdmin(ctx.deps, ctx.actor, input));
