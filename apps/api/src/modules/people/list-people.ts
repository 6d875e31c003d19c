import { listPeople } from '../../services/people/people-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { listPeopleInput, listPeopleOutput } from './people-schemas.ts';

/** Search, filters and cursor pages over the people the access policy lets the caller read. */
export const listPeopleProcedure = tenantProcedure
  .input(listPeopleInput)
  .output(listPeopleOutput)
  .query(({ ctx, input }) => listPeople(ctx.deps, ctx.actor, input));
