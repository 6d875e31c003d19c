import { Prisma, type Team } from '@aegira/db';

// A `teams` row as JSON in the Team model's field names (modelOf.team revives it), for
// reads that bring the team back in the same statement as the rest of a page.

/** Every column of the Team model, so the row comes back whole (the compiler checks it). */
const TEAM_COLUMNS = {
  id: 'id',
  companyId: 'company_id',
  name: 'name',
  description: 'description',
  leaderId: 'leader_id',
  supervisorId: 'supervisor_id',
  windowStart: 'window_start',
  windowEnd: 'window_end',
  workDays: 'work_days',
  isActive: 'is_active',
  deactivatedAt: 'deactivated_at',
  deactivatedById: 'deactivated_by_id',
  deactivationReason: 'deactivation_reason',
  eventId: 'event_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} satisfies Record<keyof Team, string>;

/** json_build_object of the team row `alias` (a fixed identifier of the caller's SQL). */
export function teamJson(alias: 'team' | 't'): Prisma.Sql {
  return Prisma.raw(
    `json_build_object(${Object.entries(TEAM_COLUMNS)
      .map(([field, column]) => `'${field}', ${alias}.${column}`)
      .join(', ')})`,
  );
}
