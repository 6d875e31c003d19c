import { z } from 'zod';
import { checkInOutput } from '../../services/check-in/check-in-dto.ts';
import { dayFiguresOutput } from '../dashboards/dashboard-schemas.ts';

// Analytics over 7, 30 or 90 days ending today (company-local dates), never
// before the team (or the worker's assignment) existed. Units as in
// dashboard-schemas.ts.

const localDate = z.iso.date();
const ref = z.object({ id: z.uuid(), name: z.string() });

// One multi-value literal (not a union): its JSON schema has a type, so the REST
// mapping of the API-token surface reads `?days=30` as a number.
export const periodDays = z.literal([7, 30, 90], { error: 'must be 7, 30 or 90' });

export const teamAnalyticsInput = z.strictObject({
  teamId: z.uuid('must be a team id'),
  days: periodDays,
});

export const companyAnalyticsInput = z.strictObject({ days: periodDays });

export const analyticsDayOutput = dayFiguresOutput.extend({
  date: localDate,
  /** Mean local submit time 'HH:mm' of the day's check-ins; null without check-ins. */
  averageSubmitTime: z.string().nullable(),
});

const periodFiguresOutput = dayFiguresOutput.extend({ averageSubmitTime: z.string().nullable() });

const dayMarkOutput = z.object({
  date: localDate,
  compliance: z.number(),
  averageReadiness: z.number().nullable(),
});

export const teamAnalyticsOutput = z.object({
  team: ref,
  /** First day counted: today − (days − 1), or the team's first day when later. */
  from: localDate,
  to: localDate,
  /** Every day from `from` to `to`, oldest first (days with nobody expected have compliance null). */
  days: z.array(analyticsDayOutput),
  totals: periodFiguresOutput,
  /** Lowest / highest compliance among days with someone expected (ties: lower/higher average, then the latest). */
  worstDay: dayMarkOutput.nullable(),
  bestDay: dayMarkOutput.nullable(),
});

export const companyAnalyticsOutput = z.object({
  from: localDate,
  to: localDate,
  /** The teams in scope together, per day. */
  days: z.array(analyticsDayOutput),
  totals: periodFiguresOutput,
  /** One row per team in scope (active teams, and inactive ones with check-ins in the period), by name. */
  teams: z.array(
    periodFiguresOutput.extend({
      team: ref,
      isActive: z.boolean(),
      /** This team's first counted day (its creation when inside the period). */
      from: localDate,
    }),
  ),
});

export const workerHistoryInput = z
  .strictObject({
    personId: z.uuid('must be a person id'),
    from: z.iso.date('must be a date YYYY-MM-DD'),
    to: z.iso.date('must be a date YYYY-MM-DD'),
  })
  .refine((input) => input.from <= input.to, { path: ['to'], message: 'must not be before from' })
  .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= 365 * 86_400_000, {
    path: ['from'],
    message: 'the period must be at most 366 days (use the CSV export for more)',
  });

export const workerHistoryDayOutput = z.object({
  date: localDate,
  /** The worker's team that day (null: none). */
  team: ref.nullable(),
  expected: z.boolean(),
  /**
   * checked_in; missed (expected, day over, no check-in); excused (a miss a lead excused);
   * on_leave; not_expected (holiday, non-work day, not yet assigned, inactive); pending (today, not yet).
   */
  status: z.enum(['checked_in', 'missed', 'excused', 'on_leave', 'not_expected', 'pending']),
  checkIn: checkInOutput.nullable(),
  leave: z.object({ id: z.uuid(), type: z.enum(['ANNUAL', 'SICK', 'OTHER']) }).nullable(),
  miss: z
    .object({ id: z.uuid(), excused: z.boolean(), excuseReason: z.string().nullable() })
    .nullable(),
});

export const workerHistoryOutput = z.object({
  person: ref.extend({ email: z.string(), isActive: z.boolean() }),
  /** Clamped: never before the person's first assignment nor after today. */
  from: localDate,
  to: localDate,
  /** Newest first; days on a team outside the caller's scope are left out. */
  days: z.array(workerHistoryDayOutput),
  summary: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    compliance: z.number().nullable(),
    averageReadiness: z.number().nullable(),
    missed: z.number().int(),
    excused: z.number().int(),
    leaveDays: z.number().int(),
  }),
});
