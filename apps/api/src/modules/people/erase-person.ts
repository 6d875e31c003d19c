import { erasePerson } from '../../services/people/person-erasure.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { erasePersonInput, personOutput } from './people-schemas.ts';

/** Erases a deactivated person's health data, with a reason; the log still verifies (decision 039). */
export const erasePersonProcedure = roleProcedure('ADMIN')
  .input(erasePersonInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => erasePerson(ctx.deps, ctx.actor, input));
