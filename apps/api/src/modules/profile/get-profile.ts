import { getProfile } from '../../services/profile/profile-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { profileOutput } from './profile-schemas.ts';

/** The signed-in person's own record, whatever their role. */
export const getProfileProcedure = sessionProcedure
  .output(profileOutput)
  .query(({ ctx }) => getProfile(ctx.deps, ctx.actor));
