import { router } from '../../trpc/init.ts';
import { changePersonRoleProcedure } from './change-person-role.ts';
import { createPersonProcedure } from './create-person.ts';
import { deactivatePersonProcedure } from './deactivate-person.ts';
import { erasePersonProcedure } from './erase-person.ts';
import { failedLoginsProcedure } from './failed-logins.ts';
import { getPersonProcedure } from './get-person.ts';
import { listPeopleProcedure } from './list-people.ts';
import { reactivatePersonProcedure } from './reactivate-person.ts';
import { resetPasswordProcedure } from './reset-password.ts';
import { updatePersonProcedure } from './update-person.ts';

export const peopleRouter = router({
  list: listPeopleProcedure,
  get: getPersonProcedure,
  create: createPersonProcedure,
  update: updatePersonProcedure,
  changeRole: changePersonRoleProcedure,
  deactivate: deactivatePersonProcedure,
  reactivate: reactivatePersonProcedure,
  erase: erasePersonProcedure,
  resetPassword: resetPasswordProcedure,
  failedLogins: failedLoginsProcedure,
});
