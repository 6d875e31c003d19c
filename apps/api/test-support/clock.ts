import type { TestApi } from './api-harness.ts';

/** A local time in Berlin in winter (UTC+1), on Friday 2026-11-27 unless a date is given. */
export function berlin(hhmm: string, date = '2026-11-27'): Date {
  return new Date(`${date}T${hhmm}:00+01:00`);
}

/** Fixes the API's clock (the one reading each request takes) at `instant`. */
export function fixClock(api: TestApi, instant: Date): void {
  api.deps.now = () => instant;
}
