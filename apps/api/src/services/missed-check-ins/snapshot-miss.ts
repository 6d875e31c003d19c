import type { ReadTx } from '@aegira/db';
import {
  addDays,
  expectedOnScheduleOf,
  type Holiday,
  type LeaveRange,
  MISSES_PERIOD_DAYS,
  missesInPeriodBefore,
  type Schedule,
  STREAK_LOOKBACK_DAYS,
  streakBefore,
} from '@aegira/domain';

export interface MissSnapshot {
  windowStart: string;
  windowEnd: string;
  leadId: string | null;
  streakBefore: number;
  missesLast30Days: number;
}

export interface DueMiss {
  personId: string;
  teamId: string;
  leaderId: string | null;
  schedule: Schedule;
}

/**
 * The snapshot of each due miss of `date` (product.md "Missed check-ins"), in two set-based
 * queries for all of them: their check-in days over the streak's lookback and their recorded
 * misses in the 30 days before. Misses of the 30 days count whatever became of them (resolved
 * by a late check-in or excused): each was a miss when it was recorded.
 */
export async function snapshotsOf(
  read: ReadTx,
  date: string,
  misses: readonly DueMiss[],
  context: { holidays: readonly Holiday[]; leavesOf: (personId: string) => LeaveRange[] },
): Promise<Map<string, MissSnapshot>> {
  const personIds = misses.map((miss) => miss.personId);
  if (personIds.length === 0) return new Map();
  const checkIns = await read.$queryRaw<Array<{ person_id: string; dates: string[] }>>`
    SELECT person_id, array_agg(local_date::text) AS dates FROM check_ins
    WHERE person_id = ANY(${personIds}::uuid[])
      AND local_date >= ${addDays(date, -STREAK_LOOKBACK_DAYS)}::date AND local_date < ${date}::date
    GROUP BY person_id`;
  const earlier = await read.$queryRaw<Array<{ person_id: string; dates: string[] }>>`
    SELECT person_id, array_agg(local_date::text) AS dates FROM missed_check_ins
    WHERE person_id = ANY(${personIds}::uuid[])
      AND local_date >= ${addDays(date, -MISSES_PERIOD_DAYS)}::date AND local_date < ${date}::date
    GROUP BY person_id`;
  const checkInsOf = new Map(checkIns.map((row) => [row.person_id, new Set(row.dates)]));
  const missesOf = new Map(earlier.map((row) => [row.person_id, row.dates]));
  const snapshots = new Map<string, MissSnapshot>();
  for (const miss of misses) {
    snapshots.set(miss.personId, {
      windowStart: miss.schedule.windowStart,
      windowEnd: miss.schedule.windowEnd,
      leadId: miss.leaderId,
      streakBefore: streakBefore({
        missDate: date,
        checkInDates: checkInsOf.get(miss.personId) ?? new Set(),
        isExpected: expectedOnScheduleOf(
          miss.schedule,
          context.holidays,
          context.leavesOf(miss.personId),
        ),
      }),
      missesLast30Days: missesInPeriodBefore(date, missesOf.get(miss.personId) ?? []),
    });
  }
  return snapshots;
}
