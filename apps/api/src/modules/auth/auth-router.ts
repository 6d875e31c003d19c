import { router } from '../../trpc/init.ts';
import { loginProcedure } from './login.ts';
import { logoutProcedure } from './logout.ts';
import { meProcedure } from './me.ts';
import { signUpProcedure } from './sign-up.ts';

export const authRouter = router({
  signUp: signUpProcedure,
  login: loginProcedure,
  logout: logoutProcedure,
  me: meProcedure,
});
