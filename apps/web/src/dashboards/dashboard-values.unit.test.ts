import { describe, expect, it } from 'vitest';
import {
  type AnalyticsDay,
  addDays,
  analyticsSearch,
  exportPaths,
  formatAverage,
  formatPercent,
  hasDailyData,
  parseAnalyticsSearch,
  plural,
  teamAnalyticsPath,
} from './dashboard-values.ts';
import { historyPeriodError, todayIn } from './worker-history-values.ts';

const TEAM = '0b9f6f8e-4a8e-4d0f-9a64-6f3c2a1d9e01';

function day(overrides: Partial<AnalyticsDay>): AnalyticsDay {
  return {
    date: '2026-03-02',
    expected: 0,
    submitted: 0,
    compliance: null,
    checkIns: 0,
    averageReadiness: null,
    levels: { GREEN: 0, YELLOW: 0, RED: 0 },
    late: 0,
    averageSubmitTime: null,
    ...overrides,
  };
}

describe('figures', () => {
  it('shows percentages and averages with one decimal at most, and a dash for nothing', () => {
    expect(formatPercent(87.5)).toBe('87.5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatAverage(71.25)).toBe('71.3');
    expect(formatAverage(null)).toBe('—');
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
  });

  it('has data to chart only when someone was expected or checked in', () => {
    expect(hasDailyData([day({}), day({ date: '2026-03-03' })])).toBe(false);
    expect(hasDailyData([day({ expected: 2 })])).toBe(true);
    // A worker on leave who checked in anyway counts as data.
    expect(hasDailyData([day({ checkIns: 1 })])).toBe(true);
  });
});

describe('addresses', () => {
  it('builds the CSV export links of the API contract', () => {
    expect(exportPaths.teamAnalytics(TEAM, 90)).toBe(
      `/api/export/team-analytics.csv?teamId=${TEAM}&days=90`,
    );
    expect(exportPaths.companyAnalytics(7)).toBe('/api/export/company-analytics.csv?days=7');
    expect(exportPaths.workerHistory(TEAM, '2026-01-01', '2026-01-31')).toBe(
      `/api/export/worker-history.csv?personId=${TEAM}&from=2026-01-01&to=2026-01-31`,
    );
  });

  it('reads the team and period of an analytics address, 30 days unless 7, 30 or 90', () => {
    expect(parseAnalyticsSearch(`?team=${TEAM}&days=90`)).toEqual({ teamId: TEAM, days: 90 });
    expect(parseAnalyticsSearch('')).toEqual({ teamId: null, days: 30 });
    expect(parseAnalyticsSearch('?days=14&team=')).toEqual({ teamId: null, days: 30 });
    expect(analyticsSearch(TEAM, 7)).toBe(`/analytics?team=${TEAM}&days=7`);
    expect(analyticsSearch(null, 90)).toBe('/analytics?days=90');
    expect(teamAnalyticsPath(TEAM)).toBe(`/analytics?team=${TEAM}`);
  });
});

describe('dates', () => {
  it('counts calendar days across months, leap days and clock changes', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it("takes today from the company's clock, not the browser's", () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-03-02');
    expect(todayIn('America/New_York', instant)).toBe('2026-03-01');
  });

  it('refuses a history period that is reversed, incomplete or longer than 366 days', () => {
    expect(historyPeriodError('2026-01-01', '2026-01-31')).toBeNull();
    expect(historyPeriodError('2026-01-31', '2026-01-01')).toMatch(/before the start/);
    expect(historyPeriodError('', '2026-01-01')).toMatch(/both dates/);
    expect(historyPeriodError('2025-01-01', '2025-12-31')).toBeNull();
    expect(historyPeriodError('2024-01-01', '2024-12-31')).toBeNull();
    expect(historyPeriodError('2024-01-01', '2025-01-01')).toMatch(/at most 366 days/);
  });
});
