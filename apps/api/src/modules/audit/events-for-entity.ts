import { eventsForEntity } from '../../services/audit/audit-queries.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { entityEventsInput, entityEventsOutput } from './audit-schemas.ts';

/** Every event of one person, team, check-in…, newest first: the entity's timeline. */
export const eventsForEntityProcedure = roleProcedure('ADMIN')
  .input(entityEventsInput)
  .output(entityEventsOutput)
  .query(({ ctx, input }) => eventsForEntity(ctx.db, ctx.actor, input));
