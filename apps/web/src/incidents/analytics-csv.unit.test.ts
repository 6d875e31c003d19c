import { describe, expect, it } from 'vitest';
import { analyticsCsv, type IncidentAnalytics } from './analytics-csv.ts';

const data: IncidentAnalytics = {
  from: '2026-11-21',
  to: '2026-11-27',
  timeZone: 'Europe/Berlin',
  perDay: [{ date: '2026-11-24', PENDING: 0, APPROVED: 1, REJECTED: 0 }],
  byType: [{ type: 'INJURY', count: 1 }],
  bySeverity: [{ severity: 'HIGH', count: 1 }],
  byTeam: [{ teamId: null, teamName: '=HYPERLINK("x")', count: 1 }],
  total: 1,
  averageHoursToReview: 1.5,
  averageHoursToResolve: null,
  approvalRate: 0.5,
};

describe('incident analytics CSV', () => {
  it('writes each table as a section, with the page’s numbers', () => {
    const csv = analyticsCsv(data);
    expect(csv).toContain('"2026-11-24","0","1","0"\r\n');
    expect(csv).toContain('"Average hours to review","1.5"');
    expect(csv).toContain('"Average hours to resolve",""');
  });

  it('defuses a team name a spreadsheet would run as a formula', () => {
    expect(analyticsCsv(data)).toContain(`"'=HYPERLINK(""x"")","1"`);
  });
});
