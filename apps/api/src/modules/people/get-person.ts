import { getPerson } from '../../services/people/people-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { getPersonInput, personDetailOutput } from './people-schemas.ts';

/** One person; NOT_FOUND when not visible to the caller. */
export const getPersonProcedure = tenantProcedure
  .input(getPersonInput)
  .output(personDetailOutput)
  .query(({ ctx, input }) => getPerson(ctx.deps, ctx.actor, input.id));
