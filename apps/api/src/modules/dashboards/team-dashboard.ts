import { teamDashboard } from '../../services/dashboards/team-dashboard.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { teamDashboardInput, teamDashboardOutput } from './dashboard-schemas.ts';

/**
 * Today's figures of one team (the roster itself is teams.get). A lead reads
 * their team, a supervisor theirs, admins and WHS any; another team is NOT_FOUND.
 */
export const teamDashboardProcedure = roleProcedure('TEAM_LEAD', 'SUPERVISOR', 'ADMIN', 'WHS')
  .input(teamDashboardInput)
  .output(teamDashboardOutput)
  .query(({ ctx, input }) => teamDashboard(ctx.deps, ctx.actor, input));
