import { randomUUID } from 'node:crypto';
import { type Db, event, sealedFor } from '@aegira/db';
import {
  appendInBatches,
  createRng,
  type DatedEvent,
  localClock,
  newTrack,
  type SeededTeam,
  seedOf,
  type WorkerProfile,
  type WorkerTrack,
  workerDay,
} from '@aegira/db/seed';
import {
  addDays,
  computeReadiness,
  findHoliday,
  type Holiday,
  parseHm,
  raisesReadinessAlert,
  toLocalTime,
  weekdayOf,
} from '@aegira/domain';
import { AuditAction, EventType } from '@aegira/events';

/** Days of history before today. */
export const DEMO_HISTORY_DAYS = 90;

export interface DemoWorker {
  id: string;
  /** 1–10, as in worker1@… */
  number: number;
  team: 'A' | 'B';
}

export interface DemoCompany {
  companyId: string;
  adminId: string;
  timeZone: string;
  /** The day everyone joined (history starts the day after). */
  startDate: string;
  teams: Record<'A' | 'B', SeededTeam>;
  workers: DemoWorker[];
  holidays: Holiday[];
}

/** Who each demo worker is: how they usually feel, how often they miss a day or run late. */
const WORKER_HABITS: Record<number, { profile: WorkerProfile; miss: number; late: number }> = {
  1: { profile: 'steady', miss: 0.02, late: 0 },
  2: { profile: 'steady', miss: 0.03, late: 0 },
  3: { profile: 'average', miss: 0.04, late: 0 },
  4: { profile: 'tired', miss: 0.07, late: 0 },
  5: { profile: 'average', miss: 0.05, late: 0.06 },
  6: { profile: 'steady', miss: 0.04, late: 0.04 },
  7: { profile: 'struggling', miss: 0.06, late: 0.08 },
  8: { profile: 'average', miss: 0.05, late: 0.05 },
  9: { profile: 'tired', miss: 0.08, late: 0.1 },
  10: { profile: 'steady', miss: 0.03, late: 0.03 },
};

/** Workers who have checked in today by the time the demo starts (if their window allows). */
const CHECKED_IN_TODAY = new Set([2, 3, 4, 7, 8]);
/** Site A is open all day; its people check in between 06:30 and 09:30 all the same. */
const SITE_A_HOURS = { from: 6 * 60 + 30, to: 9 * 60 + 30 };

interface Leave {
  number: number;
  type: 'ANNUAL' | 'SICK' | 'OTHER';
  /** Days relative to today. */
  from: number;
  to: number;
  note: string | null;
  recordedOn: number;
  recordedAt: string;
  cancelledOn?: number;
}

const LEAVES: readonly Leave[] = [
  {
    number: 3,
    type: 'ANNUAL',
    from: -40,
    to: -36,
    note: null,
    recordedOn: -55,
    recordedAt: '10:00',
  },
  {
    number: 8,
    type: 'SICK',
    from: -12,
    to: -11,
    note: 'Flu',
    recordedOn: -12,
    recordedAt: '07:30',
  },
  {
    number: 9,
    type: 'ANNUAL',
    from: 0,
    to: 4,
    note: 'Family visit',
    recordedOn: -7,
    recordedAt: '11:00',
  },
  // Booked, then cancelled: those days count again.
  {
    number: 1,
    type: 'ANNUAL',
    from: -20,
    to: -19,
    note: null,
    recordedOn: -30,
    recordedAt: '16:00',
    cancelledOn: -25,
  },
];

/** Worker 5 moved from Site B to Site A this many days ago (the move's effective day). */
const MOVE_DAYS_AGO = 45;
/** Amended check-ins: the worker corrects their hours of sleep, on or after these days. */
const AMENDMENTS = [
  { number: 2, daysAgo: 15 },
  { number: 8, daysAgo: 4 },
];

function isOnLeave(number: number, date: string, today: string): boolean {
  return LEAVES.some(
    (leave) =>
      leave.number === number &&
      leave.cancelledOn === undefined &&
      date >= addDays(today, leave.from) &&
      date <= addDays(today, leave.to),
  );
}

/** The leave events: recorded by the worker's lead (and one cancelled by them). */
function leaveEvents(demo: DemoCompany, today: string): DatedEvent[] {
  return LEAVES.flatMap((leave) => {
    const worker = demo.workers.find((candidate) => candidate.number === leave.number);
    if (!worker) return [];
    const lead = demo.teams[worker.team].leadId;
    const id = randomUUID();
    const dates = { startDate: addDays(today, leave.from), endDate: addDays(today, leave.to) };
    const recordedOn = addDays(today, leave.recordedOn);
    const recorded: DatedEvent = {
      event: event(
        EventType.LEAVE_RECORDED,
        {
          id,
          personId: worker.id,
          type: leave.type,
          ...dates,
          note: leave.note,
          recordedById: lead,
        },
        {
          action: AuditAction.LEAVE_RECORDED,
          details: { personId: worker.id, type: leave.type, ...dates },
        },
      ),
      at: localClock(recordedOn, demo.timeZone)(parseHm(leave.recordedAt)),
      actorId: lead,
    };
    if (leave.cancelledOn === undefined) return [recorded];
    const cancelledAt = localClock(addDays(today, leave.cancelledOn), demo.timeZone)(9 * 60);
    const cancelled: DatedEvent = {
      event: event(
        EventType.LEAVE_CANCELLED,
        { id, cancelledById: lead, cancelledAt: cancelledAt.toISOString() },
        {
          action: AuditAction.LEAVE_CANCELLED,
          details: { personId: worker.id, type: leave.type, ...dates },
        },
      ),
      at: cancelledAt,
      actorId: lead,
    };
    return [recorded, cancelled];
  });
}

/** Worker 5's move from Site B to Site A: scheduled by the admin, completed by the job. */
function moveEvents(demo: DemoCompany, worker: DemoWorker, effectiveOn: string): DatedEvent[] {
  const transferId = randomUUID();
  const move = { fromTeamId: demo.teams.B.id, toTeamId: demo.teams.A.id, effectiveOn };
  const completedAt = localClock(effectiveOn, demo.timeZone)(1);
  return [
    {
      event: event(
        EventType.TEAM_TRANSFER_INITIATED,
        { transferId, personId: worker.id, ...move },
        { action: AuditAction.TEAM_TRANSFER_INITIATED, details: move },
      ),
      at: localClock(addDays(effectiveOn, -1), demo.timeZone)(14 * 60),
      actorId: demo.adminId,
    },
    {
      event: event(EventType.TEAM_TRANSFER_COMPLETED, {
        transferId,
        personId: worker.id,
        ...move,
        completedAt: completedAt.toISOString(),
      }),
      at: completedAt,
      actorId: null,
    },
  ];
}

/** The worker corrects the hours they slept a few minutes after submitting (CHECK_IN_UPDATED). */
function amendment(day: readonly DatedEvent[], personId: string): DatedEvent | null {
  const submitted = day.find(
    (entry) => entry.event.type === EventType.CHECK_IN_SUBMITTED && entry.actorId === personId,
  );
  if (submitted?.event.type !== EventType.CHECK_IN_SUBMITTED) return null;
  const original = submitted.event.payload;
  const inputs = {
    ...original.inputs,
    hoursSlept: Math.min(15, original.inputs.hoursSlept + 1),
    notes: 'Corrected my hours of sleep',
  };
  const scores = computeReadiness(inputs);
  // Kept to amendments that raise no alert of their own, so the day stays as it was decided.
  if (raisesReadinessAlert(original.scores.level, original.inputs.painLevel)) return null;
  if (raisesReadinessAlert(scores.level, inputs.painLevel)) return null;
  const amendedAt = new Date(submitted.at.getTime() + 12 * 60_000);
  return {
    event: sealedFor(
      personId,
      event(EventType.CHECK_IN_UPDATED, {
        id: original.id,
        version: 2,
        inputs,
        scores,
        amendedAt: amendedAt.toISOString(),
      }),
    ),
    at: amendedAt,
    actorId: personId,
  };
}

export interface DemoHistoryCounts {
  checkIns: number;
  late: number;
  misses: number;
  alerts: number;
  events: number;
}

/**
 * 90 days of history for the demo company, as it would have happened: check-ins varying per
 * worker (some steady, some tired, a RED with pain now and then, handled by the lead), some late
 * (Site B), the misses the scheduled job records (one excused by the lead), leave (one booking
 * cancelled), a company holiday, two amendments and a move between the sites; today partly
 * checked in. Every event is dated when it happened and appended in time order through the
 * write path, in a few large commands. Deterministic: the same `now` gives the same history.
 */
export async function seedDemoHistory(
  db: Db,
  demo: DemoCompany,
  now: Date,
): Promise<DemoHistoryCounts> {
  const today = toLocalTime(now, demo.timeZone).date;
  const nowMinute = toLocalTime(now, demo.timeZone).minutes;
  const moveOn = addDays(today, -MOVE_DAYS_AGO);
  const mover = demo.workers.find((worker) => worker.number === 5);
  const tracks = new Map<number, WorkerTrack>(
    demo.workers.map((worker) => {
      const habits = WORKER_HABITS[worker.number] ?? WORKER_HABITS[1];
      const rng = createRng(seedOf('demo-worker', worker.number));
      return [worker.number, newTrack(habits?.profile ?? 'average', rng)];
    }),
  );
  const counts: DemoHistoryCounts = { checkIns: 0, late: 0, misses: 0, alerts: 0, events: 0 };
  const events: DatedEvent[] = [...leaveEvents(demo, today)];
  if (mover) events.push(...moveEvents(demo, mover, moveOn));
  const amended = new Set<number>();
  let excused = false;

  for (let date = addDays(demo.startDate, 1); date <= today; date = addDays(date, 1)) {
    const isToday = date === today;
    const at = localClock(date, demo.timeZone);
    const day: DatedEvent[] = [];
    for (const worker of demo.workers) {
      const track = tracks.get(worker.number);
      const habits = WORKER_HABITS[worker.number];
      if (!track || !habits) continue;
      const site = worker === mover && date < moveOn ? 'B' : worker.team;
      const team = demo.teams[site];
      if (!team.schedule.workDays.includes(weekdayOf(date))) continue;
      if (findHoliday(date, demo.holidays) || isOnLeave(worker.number, date, today)) continue;
      // The day a move takes effect is never a miss (product.md); the worker checks in anyway.
      const moveDay = worker === mover && date === moveOn;
      const close = parseHm(team.schedule.windowEnd);
      const hours = site === 'A' ? SITE_A_HOURS : undefined;
      if (isToday) {
        if (!CHECKED_IN_TODAY.has(worker.number)) continue;
        // Today: on time, and only up to a few minutes ago.
        const from = hours?.from ?? parseHm(team.schedule.windowStart);
        const to = Math.min(hours?.to ?? close, nowMinute - 5);
        if (to <= from) continue;
        const result = workerDay(
          track,
          worker.id,
          team,
          date,
          at,
          { miss: 0, late: 0 },
          { from, to },
        );
        // What has not happened yet (the lead's countermeasure to a RED this morning) is left out.
        day.push(...result.events.filter((entry) => entry.at <= now));
        counts.checkIns += 1;
        counts.alerts += result.alerts;
        continue;
      }
      const rates = moveDay ? { miss: 0, late: 0 } : { miss: habits.miss, late: habits.late };
      const result = workerDay(track, worker.id, team, date, at, rates, hours);
      day.push(...result.events);
      counts.alerts += result.alerts;
      if (result.kind === 'miss') {
        counts.misses += 1;
        // The first miss of worker 6 is excused by their lead the next morning.
        const miss = result.events[0];
        if (
          !excused &&
          worker.number === 6 &&
          miss?.event.type === EventType.MISSED_CHECK_IN_DETECTED
        ) {
          excused = true;
          const excusedAt = localClock(addDays(date, 1), demo.timeZone)(8 * 60 + 30);
          day.push({
            event: sealedFor(
              worker.id,
              event(
                EventType.MISSED_CHECK_IN_EXCUSED,
                {
                  id: miss.event.payload.id,
                  excusedById: team.leadId,
                  reason: 'Hospital appointment, told me the day before',
                  excusedAt: excusedAt.toISOString(),
                },
                {
                  action: AuditAction.MISSED_CHECK_IN_EXCUSED,
                  details: { personId: worker.id, teamId: team.id, localDate: date },
                },
              ),
            ),
            at: excusedAt,
            actorId: team.leadId,
          });
        }
        continue;
      }
      counts.checkIns += 1;
      if (result.kind === 'late') counts.late += 1;
      const due = AMENDMENTS.find(
        (entry) => entry.number === worker.number && date >= addDays(today, -entry.daysAgo),
      );
      if (due && !amended.has(worker.number)) {
        const amend = amendment(result.events, worker.id);
        if (amend) {
          amended.add(worker.number);
          day.push(amend);
        }
      }
    }
    events.push(...day);
  }
  // One log in time order: its positions and its dates agree.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  counts.events = await appendInBatches(db, { companyId: demo.companyId, actorId: null }, events);
  return counts;
}
