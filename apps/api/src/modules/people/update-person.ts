import { updatePersonAsAdmin } from '../../services/people/people-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { personOutput, updatePersonInput } from './people-schemas.ts';

/** Names, contact, email and schedule override; only changed fields are recorded. */
export const updatePersonProcedure = roleProcedure('ADMIN')
  .input(updatePersonInput)
  .output(personOutput)
  .mutation(({ ctx, input }) => updatePersonAsAdmin(ctx.deps, ctx.actor, input));
