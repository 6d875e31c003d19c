/**
 * Local dates and times in a company's IANA timezone.
 * Business dates are plain calendar strings ('YYYY-MM-DD') read off the local wall clock;
 * they are never built from a UTC midnight, which would move them a day for zones west or east
 * of UTC.
 */

/** A calendar date, 'YYYY-MM-DD', with no time and no zone. */
export type LocalDate = string;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalTime {
  date: LocalDate;
  weekday: IsoWeekday;
  /** Whole minutes since local midnight, 0–1439 (seconds are dropped). */
  minutes: number;
  /** 'HH:mm', 24-hour. */
  time: string;
}

const MINUTES_PER_DAY = 24 * 60;

// Building a DateTimeFormat is far slower than using one; a job that checks every company
// each minute would otherwise rebuild them constantly.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // 'h23' rather than hour12: false, which prints midnight as "24" in some engines.
    hourCycle: 'h23',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

/** The zone's canonical spelling ('europe/berlin' → 'Europe/Berlin'), or null if unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  // Newer engines accept offsets like '+01:00'; a company needs a named zone that follows DST,
  // and the server and browser must agree, so offsets are refused everywhere.
  if (timeZone.trim() === '' || /^[+-]/.test(timeZone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Reads the wall clock of `timeZone` at `instant`. Throws RangeError for an unknown zone. */
export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new RangeError(`Cannot read ${type} for time zone ${timeZone}`);
    return Number(found.value);
  };
  const date = formatLocalDate(part('year'), part('month'), part('day'));
  const minutes = part('hour') * 60 + part('minute');
  return { date, weekday: weekdayOf(date), minutes, time: formatHm(minutes) };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return valid ? { year, month, day } : null;
}

/** Calendar arithmetic on a local date: addDays('2026-02-28', 1) → '2026-03-01'. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs whole days, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const weekday = ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
  return weekday as IsoWeekday;
}

const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidHm(value: string): boolean {
  return HM.test(value);
}

/** '06:30' → 390. Throws RangeError unless the value is a 24-hour 'HH:mm' (00:00–23:59). */
export function parseHm(value: string): number {
  const match = HM.exec(value);
  if (!match) throw new RangeError(`Expected a time as HH:mm, got "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 390 → '06:30'. Throws RangeError outside 0–1439 minutes. */
export function formatHm(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) {
    throw new RangeError(`Expected whole minutes within a day, got ${minutes}`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/*
 * Dates as day numbers since 1970-01-01 on the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil / civil_from_days). Pure integer arithmetic, so no
 * Date object and no timezone can shift the result.
 */
function toDayNumber(date: LocalDate): number {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const { year: y, month: m, day: d } = parsed;
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): LocalDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatLocalDate(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
