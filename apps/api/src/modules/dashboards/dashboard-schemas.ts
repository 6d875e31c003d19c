import { z } from 'zod';
import { readinessLevelOutput } from '../../services/check-in/check-in-dto.ts';
import { statusOutput } from '../check-in/check-in-schemas.ts';

// Shapes of the dashboards (product.md "Dashboards and analytics"; the contract
// the web builds against is written out in docs/decisions/026). Percentages are
// 0–100 with one decimal; averages are readiness scores 0–100 with one decimal;
// null means "nothing to average or divide by" (no one expected, no check-in).

const localDate = z.iso.date();
const ref = z.object({ id: z.uuid(), name: z.string() });

/** Readiness levels of the counted check-ins. */
export const levelCountsOutput = z.object({
  GREEN: z.number().int(),
  YELLOW: z.number().int(),
  RED: z.number().int(),
});

/** One day (or a period) of a set of workers, by the definitions of product.md. */
export const dayFiguresOutput = z.object({
  /** Active workers expected to check in (team of the day, assigned before it, work day, no holiday, no leave). */
  expected: z.number().int(),
  /** Check-ins of expected workers (late ones count). */
  submitted: z.number().int(),
  /** submitted ÷ expected × 100, one decimal; null when no one was expected. */
  compliance: z.number().nullable(),
  /** Every check-in recorded for the team(s) that day, expected or not (on leave, say); levels sum to it. */
  checkIns: z.number().int(),
  /** Mean readiness of those check-ins (latest version), one decimal; null without check-ins. */
  averageReadiness: z.number().nullable(),
  levels: levelCountsOutput,
  /** Of checkIns, how many were submitted after the window closed. */
  late: z.number().int(),
});

export const pendingMoveOutput = z.object({
  transferId: z.uuid(),
  effectiveOn: localDate,
  fromTeam: ref,
  toTeam: ref,
});

export const workerTrendDayOutput = z.object({
  date: localDate,
  expected: z.boolean(),
  /** An expected day that is over (or whose window has closed today) without a check-in. */
  missed: z.boolean(),
  readinessScore: z.number().int().nullable(),
  level: readinessLevelOutput.nullable(),
  isLate: z.boolean().nullable(),
});

export const workerDashboardOutput = z.object({
  localDate,
  timeZone: z.string(),
  /** Consecutive expected days with a check-in, back from yesterday (today too once checked in). */
  streak: z.number().int(),
  /** Mean readiness of own check-ins over the last 30 days (today included), one decimal; null without any. */
  average30Days: z.number().nullable(),
  checkIns30Days: z.number().int(),
  week: z.object({
    /** Monday of this week, or the day after assignment when later. */
    from: localDate,
    to: localDate,
    expected: z.number().int(),
    submitted: z.number().int(),
    /** submitted ÷ expected × 100, one decimal; null when nothing was expected yet. */
    completion: z.number().nullable(),
  }),
  /** Seven days, oldest first, ending today. */
  trend: z.array(workerTrendDayOutput),
  /** Exactly what checkIn.status returns. */
  today: statusOutput,
  pendingMove: pendingMoveOutput.nullable(),
});

export const teamDashboardInput = z.strictObject({
  /** Optional for a team lead (their team); required for the other roles. */
  teamId: z.uuid('must be a team id').optional(),
});

export const teamDashboardOutput = z.object({
  team: z.object({
    id: z.uuid(),
    name: z.string(),
    isActive: z.boolean(),
    lead: ref,
    supervisor: ref.nullable(),
  }),
  localDate,
  timeZone: z.string(),
  today: dayFiguresOutput.extend({
    /** Expected today and not checked in yet. */
    pending: z.number().int(),
  }),
  /** Pending moves (not yet effective) of members leaving and people joining. */
  pendingMoves: z.array(
    pendingMoveOutput.extend({ person: ref, direction: z.enum(['leaving', 'joining']) }),
  ),
});

const teamTodayRowOutput = z.object({
  team: ref,
  lead: ref,
  /** Active people on the team today. */
  members: z.number().int(),
  expected: z.number().int(),
  submitted: z.number().int(),
  compliance: z.number().nullable(),
  averageReadiness: z.number().nullable(),
});

export const supervisorOverviewOutput = z.object({
  localDate,
  totals: z.object({
    teams: z.number().int(),
    members: z.number().int(),
    expected: z.number().int(),
    submitted: z.number().int(),
    compliance: z.number().nullable(),
    averageReadiness: z.number().nullable(),
  }),
  /** Active teams in scope, by name. */
  teams: z.array(teamTodayRowOutput),
});

const personRef = ref.extend({ email: z.string() });

export const workforceOverviewOutput = z.object({
  localDate,
  people: z.object({
    active: z.number().int(),
    inactive: z.number().int(),
    /** Active people per role. */
    byRole: z.object({
      ADMIN: z.number().int(),
      SUPERVISOR: z.number().int(),
      TEAM_LEAD: z.number().int(),
      WORKER: z.number().int(),
      WHS: z.number().int(),
    }),
  }),
  teams: z.object({
    active: z.number().int(),
    inactive: z.number().int(),
    /** Active teams without a supervisor (all of them; a company has few teams). */
    withoutSupervisor: z.array(ref),
  }),
  /** Active workers without a team today; items are the first 50 by name. */
  unassignedWorkers: z.object({ count: z.number().int(), items: z.array(personRef) }),
  /** Company-wide figures of today. */
  today: dayFiguresOutput,
});
