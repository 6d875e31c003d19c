/**
 * The instant a local wall-clock time happens on a local date in an IANA zone: the reverse of
 * toLocalTime, needed to say when a worker's window closed on a given day.
 */
import { type LocalDate, parseHm, toLocalTime } from './local-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The zone's offset from UTC at `instant`, in minutes (London in summer: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
  const local = toLocalTime(new Date(instant), timeZone);
  const [year, month, day] = local.date.split('-').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) + local.minutes * MINUTE_MS;
  // toLocalTime drops seconds, so compare whole minutes of the instant too.
  return Math.round((wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

// The missed check-in and reminder jobs ask this for every person of every company each
// minute, and people share a few windows. One answer costs four Intl conversions, so answers
// are kept (it is a pure function of its arguments): profiling P1 of the bench (issue 10), the
// jobs spent ~8 % of the API process's CPU here. Bounded, so no spread of inputs grows it.
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, number>();

/**
 * The instant `date` at `hhmm` happens in `timeZone`, on the rules of Temporal's
 * "compatible" disambiguation: a time that happens twice (the hour repeated when clocks go
 * back) is its first occurrence; a time that never happens (the hour skipped when clocks go
 * forward) is read with the offset before the change, so it lands just after the gap.
 */
export function instantOfLocalTime(date: LocalDate, hhmm: string, timeZone: string): Date {
  const key = `${timeZone} ${date} ${hhmm}`;
  let instant = remembered.get(key);
  if (instant === undefined) {
    instant = computeInstant(date, hhmm, timeZone);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, instant);
  }
  return new Date(instant);
}

function computeInstant(date: LocalDate, hhmm: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) + parseHm(hhmm) * MINUTE_MS;
  // Zones change offset at most once in two days, so the offsets a day either side bracket it.
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  const reads = (offset: number) => {
    const instant = wall - offset * MINUTE_MS;
    return offsetMinutes(instant, timeZone) === offset ? instant : null;
  };
  const candidates = [reads(before), reads(after)].filter((t): t is number => t !== null);
  if (candidates.length === 0) return wall - before * MINUTE_MS;
  return Math.min(...candidates);
}

/** The first instant of `date` in `timeZone` (midnight, or just after a gap at midnight). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  return instantOfLocalTime(date, '00:00', timeZone);
}
