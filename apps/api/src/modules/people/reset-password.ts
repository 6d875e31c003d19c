import { z } from 'zod';
import { resetPassword } from '../../services/people/password-reset.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { personIdInput } from './people-schemas.ts';

/**
 * An admin in a browser session sets a one-time password for someone who forgot
 * theirs: shown once in the answer, never stored in clear; their sessions end and
 * they must choose a new one at their next login.
 */
export const resetPasswordProcedure = adminSessionProcedure
  .input(z.strictObject({ personId: personIdInput }))
  .output(z.object({ oneTimePassword: z.string() }))
  .mutation(({ ctx, input }) => resetPassword(ctx.deps, ctx.actor, input));
