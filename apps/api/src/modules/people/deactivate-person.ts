import { deactivatePerson } from '../../services/people/person-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { deactivatePersonInput, personOutput } from './people-schemas.ts';

/** With a reason; the row stays, the person's sessions stop on their next request. */
export const deactivatePersonProcedure = roleProcedure('ADMIN')
  .input(deactivatePersonInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => deactivatePerson(ctx.deps, ctx.actor, input));
