import { randomUUID } from 'node:crypto';
import {
  addDays,
  instantOfLocalTime,
  MISS_BUFFER_MINUTES,
  missesInPeriodBefore,
  parseHm,
  raisesReadinessAlert,
  STREAK_LOOKBACK_DAYS,
  weekdayOf,
} from '@aegira/domain';
import { EventType } from '@aegira/events';
import type { Db } from '../client.ts';
import { event } from '../write-path.ts';
import { appendInBatches, type DatedEvent, SEED_BATCH } from './append-batches.ts';
import { profileFor, sampleCheckIn, type WorkerProfile } from './check-in-sample.ts';
import type { SeededCompany, SeededTeam } from './company.ts';
import { createRng, type Rng, seedOf } from './rng.ts';

export interface SeedHistoryOptions {
  /** First and last local day of history, both included. */
  from: string;
  to: string;
  seed?: number;
  /** Chance an expected worker does not check in (recorded as a miss). Default 4 %. */
  missRate?: number;
  /** Chance a check-in comes after the window closed (marked late). Default 3 %. */
  lateRate?: number;
  batchSize?: number;
  /** After each command: the day reached and the check-ins appended so far. */
  onProgress?: (progress: { date: string; checkIns: number }) => void;
}

export interface HistoryCounts {
  checkIns: number;
  late: number;
  misses: number;
  alerts: number;
  events: number;
}

const COUNTERMEASURES = [
  ['LIGHTER_TASK', 'Moved to lighter duties for the day'],
  ['EXTRA_BREAKS', 'Extra breaks agreed'],
  ['BUDDY_SYSTEM', 'Paired with a colleague'],
  ['SENT_HOME', 'Sent home to rest'],
  ['MONITORED', 'Checked in with them at lunch'],
] as const;

const MINUTE = 60_000;

/** The instant of `minutes` after local midnight of `date`, anchored at noon (one offset a day). */
export function localClock(date: string, timeZone: string): (minutes: number) => Date {
  const noon = instantOfLocalTime(date, '12:00', timeZone).getTime();
  return (minutes) => new Date(noon + (minutes - 720) * MINUTE);
}

export interface WorkerTrack {
  profile: WorkerProfile;
  rng: Rng;
  streak: number;
  misses: string[];
}

/**
 * One worker's day: a check-in (on time, or late now and then) with the alert its result raises
 * and the lead's countermeasure, or the miss the scheduled job would record after the window.
 */
export function workerDay(
  track: WorkerTrack,
  personId: string,
  team: SeededTeam,
  date: string,
  at: (minutes: number) => Date,
  rates: { miss: number; late: number },
  /** Minutes of the local day an on-time check-in falls between (default: the window). */
  checkInBetween?: { from: number; to: number },
): { events: DatedEvent[]; kind: 'check_in' | 'late' | 'miss'; alerts: number } {
  const { rng } = track;
  const open = parseHm(team.schedule.windowStart);
  const close = parseHm(team.schedule.windowEnd);
  // What the job records once the window has been closed for the buffer.
  const detectedAt = at(close + MISS_BUFFER_MINUTES + 1);
  const detectMiss = (missed: boolean) => {
    const snapshot = {
      windowStart: team.schedule.windowStart,
      windowEnd: team.schedule.windowEnd,
      leadId: team.leadId,
      streakBefore: Math.min(track.streak, STREAK_LOOKBACK_DAYS),
      missesLast30Days: missesInPeriodBefore(date, track.misses),
    };
    track.misses = [...track.misses.filter((day) => day >= addDays(date, -31)), date];
    if (missed) track.streak = 0;
    const id = randomUUID();
    const miss = event(EventType.MISSED_CHECK_IN_DETECTED, {
      id,
      personId,
      teamId: team.id,
      localDate: date,
      detectedAt: detectedAt.toISOString(),
      snapshot,
    });
    // Nobody acts: the scheduled job records it.
    return { id, entry: { event: miss, at: detectedAt, actorId: null } };
  };
  if (rng.chance(rates.miss)) {
    return { events: [detectMiss(true).entry], kind: 'miss', alerts: 0 };
  }
  // A window closing late in the evening leaves no room to be late the same day.
  const late = close < 24 * 60 - 120 && rng.chance(rates.late);
  // Most check in early in the window, few in its last quarter; late ones up to 90 minutes.
  const first = checkInBetween?.from ?? open;
  const span = Math.max(1, (checkInBetween?.to ?? close) - first);
  const minute = late
    ? close + rng.int(1, 90)
    : first + Math.floor(Math.min(rng.next(), rng.next(), rng.next()) * span);
  const submittedAt = new Date(at(minute).getTime() + rng.int(0, 59) * 1000);
  const { inputs, scores } = sampleCheckIn(rng, track.profile);
  const checkInId = randomUUID();
  const events: DatedEvent[] = [];
  // Later than the buffer: the job recorded the miss first, and the check-in resolves it.
  const resolved = late && minute - close > MISS_BUFFER_MINUTES ? detectMiss(false) : null;
  if (resolved) events.push(resolved.entry);
  track.streak += 1;
  events.push({
    event: event(EventType.CHECK_IN_SUBMITTED, {
      id: checkInId,
      personId,
      teamId: team.id,
      localDate: date,
      inputs,
      scores,
      isLate: late,
      minutesLate: late ? minute - close : 0,
      submittedAt: submittedAt.toISOString(),
    }),
    at: submittedAt,
    actorId: personId,
  });
  if (resolved) {
    const resolution = event(EventType.MISSED_CHECK_IN_RESOLVED, {
      id: resolved.id,
      checkInId,
      resolvedAt: submittedAt.toISOString(),
    });
    events.push({ event: resolution, at: submittedAt, actorId: personId });
  }
  if (!raisesReadinessAlert(scores.level, inputs.painLevel)) {
    return { events, kind: late ? 'late' : 'check_in', alerts: 0 };
  }
  const alertId = randomUUID();
  const handledAt = new Date(submittedAt.getTime() + rng.int(8, 45) * MINUTE);
  const [type, note] = rng.pick(COUNTERMEASURES);
  events.push(
    {
      event: event(EventType.READINESS_ALERT_RAISED, {
        id: alertId,
        checkInId,
        personId,
        teamId: team.id,
        localDate: date,
        readinessScore: scores.readinessScore,
        readinessLevel: scores.level,
        painLevel: inputs.painLevel,
        leadId: team.leadId,
        raisedAt: submittedAt.toISOString(),
      }),
      at: submittedAt,
      actorId: personId,
    },
    {
      event: event(EventType.COUNTERMEASURE_RECORDED, {
        id: randomUUID(),
        alertId,
        personId,
        type,
        note,
        recordedById: team.leadId,
        recordedAt: handledAt.toISOString(),
      }),
      at: handledAt,
      actorId: team.leadId,
    },
  );
  return { events, kind: late ? 'late' : 'check_in', alerts: 1 };
}

/** A worker's state as history is written: their random stream, profile, streak and misses. */
export function newTrack(profile: WorkerProfile, rng: Rng): WorkerTrack {
  return { profile, rng, streak: 0, misses: [] };
}

/** Each worker's own random stream and profile, the same for the same seed. */
export function trackWorkers(workerIds: readonly string[], seed: number): Map<string, WorkerTrack> {
  return new Map(
    workerIds.map((id, index) => {
      const rng = createRng(seedOf('worker', seed, index));
      return [id, newTrack(profileFor(rng), rng)];
    }),
  );
}

/** One local day of history: its events in time order, and what they count. */
export interface HistoryDay extends HistoryCounts {
  date: string;
  entries: DatedEvent[];
}

/**
 * Days of history for every worker of a seeded company, one day at a time (the same events
 * whichever way they are written): check-ins with realistic variation per worker, some late,
 * the misses the scheduled job would record, and RED alerts with the lead's countermeasure.
 * Within a day events are sorted by time, so log order and created_at agree.
 */
export function* historyDays(
  company: SeededCompany,
  options: Pick<SeedHistoryOptions, 'from' | 'to' | 'seed' | 'missRate' | 'lateRate'>,
): Generator<HistoryDay> {
  const rates = { miss: options.missRate ?? 0.04, late: options.lateRate ?? 0.03 };
  const tracks = trackWorkers(company.workerIds, options.seed ?? 1);
  for (let date = options.from; date <= options.to; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    const at = localClock(date, company.timezone);
    const day: HistoryDay = {
      date,
      entries: [],
      checkIns: 0,
      late: 0,
      misses: 0,
      alerts: 0,
      events: 0,
    };
    for (const team of company.teams) {
      if (!team.schedule.workDays.includes(weekday)) continue;
      for (const personId of team.memberIds) {
        const track = tracks.get(personId);
        if (!track) continue;
        const result = workerDay(track, personId, team, date, at, rates);
        for (const entry of result.events) day.entries.push(entry);
        if (result.kind === 'miss') day.misses += 1;
        else day.checkIns += 1;
        if (result.kind === 'late') day.late += 1;
        day.alerts += result.alerts;
      }
    }
    day.entries.sort((a, b) => a.at.getTime() - b.at.getTime());
    day.events = day.entries.length;
    yield day;
  }
}

/** Adds a day's (or a batch's) counts to running totals. */
export function addCounts(total: HistoryCounts, more: HistoryCounts): void {
  total.checkIns += more.checkIns;
  total.late += more.late;
  total.misses += more.misses;
  total.alerts += more.alerts;
  total.events += more.events;
}

/**
 * Days of history (historyDays) through the write path in large commands (set-based append
 * and apply), each event dated when it happened. Days are appended in order.
 */
export async function seedHistory(
  db: Db,
  company: SeededCompany,
  options: SeedHistoryOptions,
): Promise<HistoryCounts> {
  const batchSize = options.batchSize ?? SEED_BATCH;
  const actor = { companyId: company.companyId, actorId: null };
  const counts: HistoryCounts = { checkIns: 0, late: 0, misses: 0, alerts: 0, events: 0 };
  let pending: DatedEvent[] = [];
  const flush = async (date: string) => {
    await appendInBatches(db, actor, pending, { batchSize });
    pending = [];
    options.onProgress?.({ date, checkIns: counts.checkIns });
  };
  let last = options.to;
  for (const day of historyDays(company, options)) {
    addCounts(counts, day);
    for (const entry of day.entries) pending.push(entry);
    last = day.date;
    if (pending.length >= batchSize) await flush(day.date);
  }
  if (pending.length > 0) await flush(last);
  return counts;
}
