import type { WorkerHistory } from './dashboard-values.ts';

export const statusLabels: Record<WorkerHistory['days'][number]['status'], string> = {
  checked_in: 'Checked in',
  missed: 'Missed',
  excused: 'Missed, excused',
  on_leave: 'On leave',
  not_expected: 'Not expected',
  pending: 'Not yet',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The API shows at most 366 days at once; the CSV export has no limit. */
const MAX_DAYS = 366;

/** Why a chosen period cannot be shown, or null. */
export function historyPeriodError(from: string, to: string): string | null {
  if (!DATE.test(from) || !DATE.test(to)) return 'Choose both dates.';
  if (to < from) return 'The end date is before the start date.';
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_DAYS) return 'Choose at most 366 days (the CSV export takes any period).';
  return null;
}

/** Today's date on the company's clock ('YYYY-MM-DD'). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
