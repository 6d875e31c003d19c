import { getPerson } from '../../services/people/people-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { getPersonInput, getPersonOutput } from './people-schemas.ts';

/** One person, now or as they were at `asOf`; NOT_FOUND when not visible to the caller. */
export const getPersonProcedure = tenantProcedure
  .input(getPersonInput)
  .output(getPersonOutput)
  .query(({ ctx, input }) => getPerson(ctx.deps, ctx.actor, input.id, input.asOf));
