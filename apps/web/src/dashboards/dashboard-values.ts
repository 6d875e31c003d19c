import type { RouterOutputs } from '../trpc/types.ts';

export type WorkerDashboard = RouterOutputs['dashboards']['worker'];
export type TeamDashboard = RouterOutputs['dashboards']['team'];
export type SupervisorOverview = RouterOutputs['dashboards']['supervisorOverview'];
export type WorkforceOverview = RouterOutputs['dashboards']['workforce'];
export type TeamAnalytics = RouterOutputs['analytics']['team'];
export type CompanyAnalytics = RouterOutputs['analytics']['company'];
export type WorkerHistory = RouterOutputs['analytics']['workerHistory'];
export type AnalyticsDay = TeamAnalytics['days'][number];

/** The analytics periods (product.md): days ending today. */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: number): value is Period {
  return PERIODS.some((period) => period === value);
}

/** A percentage the API gives with one decimal (87.5); null when nobody was expected. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${formatOneDecimal(value)}%`;
}

/** A readiness average (0–100, one decimal); null without check-ins. */
export function formatAverage(value: number | null): string {
  return value === null ? '—' : formatOneDecimal(value);
}

function formatOneDecimal(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** What "—" means, for screen readers and the legend under each figure. */
export const NOTHING_TO_COUNT = 'No one was expected, or nothing was submitted';

/** "12 days", "1 day". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Where the CSV exports are served (the API's contract for issue 17). */
export const exportPaths = {
  teamAnalytics: (teamId: string, days: Period) =>
    `/api/export/team-analytics.csv?${new URLSearchParams({ teamId, days: String(days) })}`,
  companyAnalytics: (days: Period) =>
    `/api/export/company-analytics.csv?${new URLSearchParams({ days: String(days) })}`,
  workerHistory: (personId: string, from: string, to: string) =>
    `/api/export/worker-history.csv?${new URLSearchParams({ personId, from, to })}`,
};

/** The local date `days` before `date` ('YYYY-MM-DD' calendar arithmetic, no timezone involved). */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** One point of a daily chart: a date label and the day's values (null: nothing to draw). */
export type DailyPoint = {
  date: string;
  compliance: number | null;
  averageReadiness: number | null;
};

export function dailyPoints(days: readonly AnalyticsDay[]): DailyPoint[] {
  return days.map((day) => ({
    date: day.date,
    compliance: day.compliance,
    averageReadiness: day.averageReadiness,
  }));
}

/** Whether a period has anything to chart: at least one day with someone expected or a check-in. */
export function hasDailyData(days: readonly AnalyticsDay[]): boolean {
  return days.some((day) => day.expected > 0 || day.checkIns > 0);
}

/** The analytics page of one team ('/analytics?team=…'), or the company's. */
export const ANALYTICS_PATH = '/analytics';
export function teamAnalyticsPath(teamId: string): string {
  return `${ANALYTICS_PATH}?${new URLSearchParams({ team: teamId })}`;
}

/** The team and period an analytics address asks for; a period that is not 7, 30 or 90 reads as 30. */
export function parseAnalyticsSearch(search: string): { teamId: string | null; days: Period } {
  const params = new URLSearchParams(search);
  const days = Number(params.get('days'));
  const teamId = params.get('team');
  return { teamId: teamId === '' ? null : teamId, days: isPeriod(days) ? days : 30 };
}

export function analyticsSearch(teamId: string | null, days: Period): string {
  const params = new URLSearchParams();
  if (teamId) params.set('team', teamId);
  params.set('days', String(days));
  return `${ANALYTICS_PATH}?${params}`;
}
