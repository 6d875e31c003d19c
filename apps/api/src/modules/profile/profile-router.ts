import { router } from '../../trpc/init.ts';
import { changePasswordProcedure } from './change-password.ts';
import { getProfileProcedure } from './get-profile.ts';
import { updateProfileProcedure } from './update-profile.ts';

export const profileRouter = router({
  get: getProfileProcedure,
  update: updateProfileProcedure,
  changePassword: changePasswordProcedure,
});
