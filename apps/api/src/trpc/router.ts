import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { alertsRouter } from '../modules/alerts/alerts-router.ts';
import { analyticsRouter } from '../modules/analytics/analytics-router.ts';
import { apiTokensRouter } from '../modules/api-tokens/api-tokens-router.ts';
import { auditRouter, eventsRouter } from '../modules/audit/audit-router.ts';
import { auditChainRouter } from '../modules/audit-chain/audit-chain-router.ts';
import { authRouter } from '../modules/auth/auth-router.ts';
import { casesRouter } from '../modules/cases/cases-router.ts';
import { checkInRouter } from '../modules/check-in/check-in-router.ts';
import { companyRouter } from '../modules/company/company-router.ts';
import { dashboardsRouter } from '../modules/dashboards/dashboards-router.ts';
import { holidaysRouter } from '../modules/holidays/holidays-router.ts';
import { incidentsRouter } from '../modules/incidents/incidents-router.ts';
import { jobsRouter } from '../modules/jobs/jobs-router.ts';
import { leaveRouter } from '../modules/leave/leave-router.ts';
import { liveRouter } from '../modules/live/live-router.ts';
import { missedCheckInsRouter } from '../modules/missed-check-ins/missed-check-ins-router.ts';
import { notificationsRouter } from '../modules/notifications/notifications-router.ts';
import { peopleRouter } from '../modules/people/people-router.ts';
import { profileRouter } from '../modules/profile/profile-router.ts';
import { teamsRouter } from '../modules/teams/teams-router.ts';
import { router } from './init.ts';

export const appRouter = router({
  alerts: alertsRouter,
  analytics: analyticsRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
  auditChain: auditChainRouter,
  auth: authRouter,
  cases: casesRouter,
  checkIn: checkInRouter,
  company: companyRouter,
  dashboards: dashboardsRouter,
  events: eventsRouter,
  holidays: holidaysRouter,
  incidents: incidentsRouter,
  jobs: jobsRouter,
  leave: leaveRouter,
  live: liveRouter,
  missedCheckIns: missedCheckInsRouter,
  notifications: notificationsRouter,
  people: peopleRouter,
  profile: profileRouter,
  teams: teamsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
