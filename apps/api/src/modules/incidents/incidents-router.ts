import { router } from '../../trpc/init.ts';
import { approveIncidentProcedure } from './approve-incident.ts';
import { getIncidentProcedure } from './get-incident.ts';
import { incidentAnalyticsProcedure } from './incident-analytics.ts';
import { incidentCountsProcedure } from './incident-counts.ts';
import { listColleaguesProcedure } from './list-colleagues.ts';
import { listIncidentsProcedure } from './list-incidents.ts';
import { listMyIncidentsProcedure } from './list-my-incidents.ts';
import { listOfficersProcedure } from './list-officers.ts';
import { rejectIncidentProcedure } from './reject-incident.ts';
import { reportIncidentProcedure } from './report-incident.ts';
import { whsDashboardProcedure } from './whs-dashboard.ts';

export const incidentsRouter = router({
  report: reportIncidentProcedure,
  listMine: listMyIncidentsProcedure,
  list: listIncidentsProcedure,
  get: getIncidentProcedure,
  counts: incidentCountsProcedure,
  approve: approveIncidentProcedure,
  reject: rejectIncidentProcedure,
  officers: listOfficersProcedure,
  colleagues: listColleaguesProcedure,
  dashboard: whsDashboardProcedure,
  analytics: incidentAnalyticsProcedure,
});
