import type { RouterOutputs } from '../trpc/types.ts';

export type IncidentAnalytics = RouterOutputs['incidents']['analytics'];

/** A CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it. */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

function line(values: ReadonlyArray<string | number | null>): string {
  return values.map(cell).join(',');
}

/** The analytics as one CSV: a section per table, the same numbers the page shows. */
export function analyticsCsv(data: IncidentAnalytics): string {
  const lines = [
    line(['Incidents', `${data.from} to ${data.to}`, `time zone ${data.timeZone}`]),
    '',
    line(['Date', 'Pending', 'Approved', 'Rejected']),
    ...data.perDay.map((day) => line([day.date, day.PENDING, day.APPROVED, day.REJECTED])),
    '',
    line(['Type', 'Reports']),
    ...data.byType.map((row) => line([row.type, row.count])),
    '',
    line(['Severity', 'Reports']),
    ...data.bySeverity.map((row) => line([row.severity, row.count])),
    '',
    line(['Team at the time', 'Reports']),
    ...data.byTeam.map((row) => line([row.teamName, row.count])),
    '',
    line(['Average hours to review', data.averageHoursToReview]),
    line(['Average hours to resolve', data.averageHoursToResolve]),
    line([
      'Approval rate',
      data.approvalRate === null ? null : Math.round(data.approvalRate * 100) / 100,
    ]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
