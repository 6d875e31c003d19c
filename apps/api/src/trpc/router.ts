import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { auditRouter, eventsRouter } from '../modules/audit/audit-router.ts';
import { authRouter } from '../modules/auth/auth-router.ts';
import { checkInRouter } from '../modules/check-in/check-in-router.ts';
import { router } from './init.ts';

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  checkIn: checkInRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
