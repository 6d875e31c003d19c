import { updateProfile } from '../../services/profile/profile-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { profileOutput, updateProfileInput } from './profile-schemas.ts';

/** Own first name, last name and phone. */
export const updateProfileProcedure = sessionProcedure
  .input(updateProfileInput)
  .output(profileOutput)
  .mutation(({ ctx, input }) => updateProfile(ctx.deps, ctx.actor, input));
