import { reactivatePerson } from '../../services/people/person-lifecycle.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { personOutput, reactivatePersonInput } from './people-schemas.ts';

/** A deactivated person may log in again. */
export const reactivatePersonProcedure = roleProcedure('ADMIN')
  .input(reactivatePersonInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => reactivatePerson(ctx.deps, ctx.actor, input));
