import type { ReadTx } from '@aegira/db';
import { addDays, toLocalTime } from '@aegira/domain';
import { z } from 'zod';

/** Days before the incident a case shows (product.md: the 14 days before). */
export const CONTEXT_DAYS = 14;

export const readinessDayOutput = z.object({
  localDate: z.iso.date(),
  readinessScore: z.number().int().nullable(),
  readinessLevel: z.enum(['GREEN', 'YELLOW', 'RED']).nullable(),
  missed: z.boolean(),
  leaveType: z.enum(['ANNUAL', 'SICK', 'OTHER']).nullable(),
});

export const readinessContextOutput = z.object({
  /** The first and last local dates shown: the 14 days before the incident's day. */
  from: z.iso.date(),
  to: z.iso.date(),
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      /** Reporter, involved, or both. */
      reporter: z.boolean(),
      days: z.array(readinessDayOutput),
    }),
  ),
});
export type ReadinessContextDto = z.infer<typeof readinessContextOutput>;

interface DayRow {
  person_id: string;
  name: string;
  local_date: string;
  readiness_score: number | null;
  readiness_level: 'GREEN' | 'YELLOW' | 'RED' | null;
  missed: boolean;
  leave_type: 'ANNUAL' | 'SICK' | 'OTHER' | null;
}

/**
 * The readiness of the reporter and the people involved on each of the 14 local
 * days before the incident's day: score and level, a missed check-in, leave. One
 * query (people × days, each joined to its check-in, miss and leave).
 */
export async function readinessContext(
  read: ReadTx,
  incident: { reporterId: string; peopleInvolvedIds: string[]; occurredAt: Date },
  timeZone: string,
): Promise<ReadinessContextDto> {
  const day = toLocalTime(incident.occurredAt, timeZone).date;
  const from = addDays(day, -CONTEXT_DAYS);
  const to = addDays(day, -1);
  const ids = [...new Set([incident.reporterId, ...incident.peopleInvolvedIds])];
  const rows = await read.$queryRaw<DayRow[]>`
    SELECT p.id::text AS person_id, p.first_name || ' ' || p.last_name AS name,
           d.day::date::text AS local_date, c.readiness_score, c.readiness_level::text AS readiness_level,
           (m.id IS NOT NULL) AS missed, l.type::text AS leave_type
    FROM persons p
    CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    LEFT JOIN check_ins c ON c.person_id = p.id AND c.local_date = d.day::date
    LEFT JOIN missed_check_ins m ON m.person_id = p.id AND m.local_date = d.day::date
    LEFT JOIN LATERAL (
      SELECT type FROM leaves
      WHERE person_id = p.id AND cancelled_at IS NULL AND d.day::date BETWEEN start_date AND end_date
      ORDER BY start_date LIMIT 1
    ) l ON true
    WHERE p.id = ANY(${ids}::uuid[])
    ORDER BY p.id, d.day`;
  const people = new Map<string, ReadinessContextDto['people'][number]>();
  for (const row of rows) {
    const person = people.get(row.person_id) ?? {
      personId: row.person_id,
      name: row.name,
      reporter: row.person_id === incident.reporterId,
      days: [],
    };
    person.days.push({
      localDate: row.local_date,
      readinessScore: row.readiness_score,
      readinessLevel: row.readiness_level,
      missed: row.missed,
      leaveType: row.leave_type,
    });
    people.set(row.person_id, person);
  }
  // The reporter first, then the people involved in the order they were named.
  const ordered = ids.flatMap((id) => {
    const person = people.get(id);
    return person ? [person] : [];
  });
  return { from, to, people: ordered };
}
