import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from '../modules/auth/auth-router.ts';
import { checkInRouter } from '../modules/check-in/check-in-router.ts';
import { router } from './init.ts';

export const appRouter = router({
  auth: authRouter,
  checkIn: checkInRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
