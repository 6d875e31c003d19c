import { z } from 'zod';
import { listFailedLogins } from '../../services/people/failed-logins.ts';
import { roleProcedure } from '../../trpc/init.ts';

const failedLoginsInput = z
  .strictObject({
    hours: z
      .number()
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1')
      .max(720, 'must be at most 720 (30 days, how long failures are kept)')
      .optional(),
  })
  .optional();

const failedLoginsOutput = z.object({
  since: z.iso.datetime(),
  items: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      email: z.string(),
      failures: z.number().int(),
      lastFailedAt: z.iso.datetime(),
    }),
  ),
});

/** Admins see failed logins per person of their company (default: the last 24 hours). */
export const failedLoginsProcedure = roleProcedure('ADMIN')
  .input(failedLoginsInput)
  .output(failedLoginsOutput)
  .query(({ ctx, input }) => listFailedLogins(ctx.deps, ctx.actor, input?.hours ?? 24));
